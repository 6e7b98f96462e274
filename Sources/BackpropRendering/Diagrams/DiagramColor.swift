/// The colour of a line or a text in a diagram: the ink, a muted grey for context, or an exact shade, which the
/// TikZ and SVG writers both write by its red, green and blue parts.
package enum DiagramColor: Hashable, Sendable {
    /// The main colour of text and lines: black.
    case ink
    /// A grey for what is context rather than subject: the neurons a picture passes by.
    case muted
    /// A shade given by its red, green and blue parts, each 0–255.
    case rgb(red: Int, green: Int, blue: Int)

    /// The colour of the backpropagated errors ∂δ/∂o_{k,j} of layer `layer` in a network of `depth` weight layers:
    /// the hue of the derivation's text (``LayerPalette``), as an exact shade.
    package static func layer(_ layer: Int, depth: Int) -> DiagramColor {
        let shade = LayerPalette.shade(ofLayer: layer, depth: depth)
        return .rgb(red: shade.red, green: shade.green, blue: shade.blue)
    }

    /// The dark red of a computational graph's backward pass and of the plotted |∂o/∂f|: red enough to tell from the
    /// ink, dark enough to stay legible grey on a black-and-white copy.
    package static let backward = DiagramColor.rgb(red: 180, green: 0, blue: 0)

    /// The light grey of a shaded block behind a layer whose neurons are computed together.
    package static let ground = DiagramColor.rgb(red: 232, green: 232, blue: 232)

    /// The parts of the colour, each 0–255.
    var components: (red: Int, green: Int, blue: Int) {
        switch self {
        case .ink: return (0, 0, 0)
        case .muted: return (128, 128, 128)
        case .rgb(let red, let green, let blue): return (Self.clamped(red), Self.clamped(green), Self.clamped(blue))
        }
    }

    /// `part` brought into 0...255.
    private static func clamped(_ part: Int) -> Int { Swift.min(Swift.max(part, 0), 255) }
}
