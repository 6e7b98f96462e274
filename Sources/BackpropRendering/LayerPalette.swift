/// The colours of the backpropagated errors ∂δ/∂o_{k,j}, one per layer, as the note colours them:
/// names understood by LaTeX's xcolor and by the MathJax and KaTeX renderers of Markdown.
package enum LayerPalette {
    /// The colours, from the output layer backwards, ten different ones dark enough to read on white;
    /// they repeat for deeper networks.
    package static let colors = ["blue", "red", "teal", "violet", "orange", "brown", "magenta", "olive", "purple", "green"]

    /// The colour of layer `layer` in a network of `depth` weight layers.
    package static func color(ofLayer layer: Int, depth: Int) -> String {
        colors[((depth - layer) % colors.count + colors.count) % colors.count]
    }
}
