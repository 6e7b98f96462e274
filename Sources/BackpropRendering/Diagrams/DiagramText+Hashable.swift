import BackpropKit

/// Texts are hashed so a layout measures each one once (``DiagramMetrics/width(_:)``). Equal texts print alike;
/// names are hashed by what is printed of them.
extension DiagramText: Hashable {
    /// Feeds the pieces, style and colour to `hasher`.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(pieces.count)
        for piece in pieces {
            switch piece {
            case .math(let expression):
                hasher.combine(0)
                hasher.combine(expression)
            case .name(let name):
                hasher.combine(1)
                Self.hash(name, into: &hasher)
            case .layer(let label):
                hasher.combine(2)
                hasher.combine(label)
            case .words(let words):
                hasher.combine(3)
                hasher.combine(words)
            case .partial(let quantity, let variable):
                hasher.combine(4)
                Self.hash(quantity, into: &hasher)
                Self.hash(variable, into: &hasher)
            case .equals: hasher.combine(5)
            case .plus: hasher.combine(6)
            case .times: hasher.combine(7)
            case .dots: hasher.combine(8)
            case .verticalDots: hasher.combine(9)
            }
        }
        hasher.combine(style)
        hasher.combine(color)
    }

    private static func hash(_ name: SymbolName, into hasher: inout Hasher) {
        hasher.combine(name.unicode)
        hasher.combine(name.subscripts)
        hasher.combine(name.superscript)
    }
}
