import BackpropKit

/// A line of text in a diagram, kept as pieces (expressions, names, words) that each writer prints in its own
/// syntax: LaTeX math for TikZ, Unicode for SVG. Numbers are `.math(.constant(v))`, printed with the
/// diagram's ``NumberFormat``.
package struct DiagramText: Sendable, Equatable {
    /// One piece of a text.
    package enum Piece: Sendable, Equatable {
        /// An expression, printed by an ``ExpressionPrinter``: a symbol, a number, a sum, a fraction.
        case math(Expression)
        /// A bare name such as δ, g_{n-1} or σ.
        case name(SymbolName)
        /// A layer label from the notation, such as `n-1`, set as math.
        case layer(String)
        /// Plain words, escaped for each format.
        case words(String)
        /// ∂a/∂b written on one line, for compact labels.
        case partial(SymbolName, SymbolName)
        /// ` = `.
        case equals
        /// ` + `.
        case plus
        /// ` · `.
        case times
        /// `⋯`, terms left out.
        case dots
        /// `⋮`, rows left out.
        case verticalDots
    }

    /// The role of a text, which sets its size.
    package enum Style: Sendable, Equatable {
        /// The name of a neuron or quantity inside a node: 10 pt.
        case name
        /// A value or an edge label: 9 pt.
        case value
        /// A heading, a legend or a formula under the picture: 9 pt.
        case note
    }

    /// The pieces, in reading order.
    package var pieces: [Piece]
    /// The size role.
    package var style: Style
    /// The colour.
    package var color: DiagramColor

    /// A text of `pieces` in `style` and `color`.
    package init(_ pieces: [Piece], style: Style, color: DiagramColor = .ink) {
        self.pieces = pieces
        self.style = style
        self.color = color
    }

    /// The number `value` alone.
    package static func number(_ value: Double, style: Style = .value, color: DiagramColor = .ink) -> DiagramText {
        DiagramText([.math(.constant(value))], style: style, color: color)
    }

    /// The name of `symbol` alone.
    package static func symbol(_ symbol: Symbol, style: Style = .name, color: DiagramColor = .ink) -> DiagramText {
        DiagramText([.math(.of(symbol))], style: style, color: color)
    }

    /// `quantity = value`.
    package static func equation(_ quantity: Expression, _ value: Double, style: Style = .value, color: DiagramColor = .ink) -> DiagramText {
        DiagramText([.math(quantity), .equals, .math(.constant(value))], style: style, color: color)
    }

    /// The font size in points.
    package var pointSize: Double {
        switch style {
        case .name: return 10
        case .value, .note: return 9
        }
    }
}
