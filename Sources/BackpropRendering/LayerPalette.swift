/// The colours of the backpropagated errors ∂δ/∂o_{k,j}, one per layer, as the note colours them: names understood
/// by LaTeX's xcolor and by the MathJax and KaTeX renderers of Markdown for the derivation's text, and for the
/// pictures the same hues as exact shades, so TikZ and SVG draw them alike.
package enum LayerPalette {
    /// The colours, from the output layer backwards, ten different ones; they repeat for deeper networks.
    package static let colors = ["blue", "red", "teal", "violet", "orange", "brown", "magenta", "olive", "purple", "green"]

    /// The shade of each of ``colors`` in the pictures, as red, green and blue (0–255): dark enough for text on white,
    /// at most about 40 % of the lightness of white once printed in grey.
    package static let shades: [(red: Int, green: Int, blue: Int)] = [
        (0, 60, 220), (190, 0, 0), (0, 105, 105), (120, 30, 180), (175, 75, 0),
        (120, 65, 15), (190, 0, 140), (90, 95, 0), (95, 0, 115), (0, 115, 35),
    ]

    /// The colour of layer `layer` in a network of `depth` weight layers.
    package static func color(ofLayer layer: Int, depth: Int) -> String {
        colors[index(ofLayer: layer, depth: depth)]
    }

    /// The shade of layer `layer` in a network of `depth` weight layers, the picture's form of ``color(ofLayer:depth:)``.
    package static func shade(ofLayer layer: Int, depth: Int) -> (red: Int, green: Int, blue: Int) {
        shades[index(ofLayer: layer, depth: depth)]
    }

    /// The place of layer `layer`'s colour in ``colors``, counted from the output layer.
    private static func index(ofLayer layer: Int, depth: Int) -> Int {
        ((depth - layer) % colors.count + colors.count) % colors.count
    }
}
