/// The colour of a line or a text in a diagram: the ink, a muted grey for context, or a named colour
/// from ``LayerPalette`` understood by both LaTeX's xcolor and CSS.
package enum DiagramColor: Hashable, Sendable {
    /// The main colour of text and lines: black.
    case ink
    /// A grey for what is context rather than subject: the neurons a picture passes by.
    case muted
    /// A colour name such as `blue`, shared by xcolor and CSS.
    case named(String)

    /// The colour of the backpropagated errors ∂δ/∂o_{k,j} of layer `layer` in a network of `depth` weight layers,
    /// the same as in the derivation's text.
    package static func layer(_ layer: Int, depth: Int) -> DiagramColor {
        .named(LayerPalette.color(ofLayer: layer, depth: depth))
    }
}
