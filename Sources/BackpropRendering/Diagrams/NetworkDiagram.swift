import BackpropKit

/// One picture of a derivation, laid out and ready to write in any format: nodes, edges and texts placed
/// in centimetres, with the texts kept as symbols and numbers that each writer prints in its own syntax.
///
/// The one picture model of every handout: build one per ``DiagramKind`` of a network (layers wider than
/// eight neurons are summarised: their first three and last two neurons are drawn, with a `⋮` for the rest),
/// or get the computational graph's from ``GraphPicture``, and hand it to ``TikZDiagramWriter`` or ``SVGDiagramWriter``.
package struct NetworkDiagram: Sendable {
    /// Which picture this is.
    package let kind: PictureKind
    /// How symbols are named.
    package let notation: any Notation
    /// How numbers are written.
    package let numbers: NumberFormat
    /// The title, such as "Forward propagation through o_{n-1,1}".
    package let title: DiagramText
    /// The nodes, drawn above the edges.
    package let nodes: [DiagramNode]
    /// The edges, drawn first.
    package let edges: [DiagramEdge]
    /// The free texts: column headings, legends and formulas.
    package let labels: [DiagramLabel]
    /// The rectangle holding everything, with a margin.
    package let bounds: DiagramRect

    /// The picture `kind` of `derivation`.
    /// - Parameters:
    ///   - derivation: The derivation whose numbers are drawn.
    ///   - notation: How symbols are named, as in the derivation's text.
    ///   - kind: Which picture.
    ///   - numbers: How numbers are written; four significant digits by default. The network's given values
    ///     are written as given, unpadded.
    package init(derivation: Derivation, notation: any Notation, kind: DiagramKind, numbers given: NumberFormat = .diagram) {
        let numbers = given.printing(exactly: derivation.network.givenValues)
        var layout = DiagramLayout(backpropagation: derivation.backpropagation, notation: notation, numbers: numbers)
        let focus = Symbol.activation(layer: layout.focus.layer, neuron: layout.focus.neuron)
        switch kind {
        case .network:
            layout.drawNetwork(showsAnswers: derivation.exercise == nil)
            title = DiagramText([.words("The network")], style: .note)
        case .forwardNode:
            layout.drawForwardNode()
            title = DiagramText([.words("Forward propagation through "), .math(.of(focus))], style: .note)
        case .backwardNode:
            layout.drawBackwardNode()
            title = DiagramText([.words("Backward propagation through "), .math(.of(focus))], style: .note)
        case .cost:
            layout.drawCost()
            title = DiagramText([.words("Computing the cost")], style: .note)
        case .backwardPass:
            layout.drawBackwardPass()
            title = DiagramText([.words("Backpropagating the cost")], style: .note)
        case .gradientSizes:
            layout.drawGradientSizes()
            title = DiagramText([.words("Gradient sizes by layer")], style: .note)
        case .lossPerStep:
            layout.drawLossPerStep(derivation.training?.losses ?? [])
            title = DiagramText([.words("The loss per step")], style: .note)
        }
        self.kind = .diagram(kind)
        self.notation = notation
        self.numbers = numbers
        nodes = layout.canvas.nodes
        edges = layout.canvas.edges
        labels = layout.canvas.labels
        bounds = layout.canvas.bounds
    }

    /// The picture `kind` holding what is placed on `canvas`, under `title`.
    init(kind: PictureKind, title: DiagramText, notation: any Notation, numbers: NumberFormat, canvas: DiagramCanvas) {
        self.kind = kind
        self.title = title
        self.notation = notation
        self.numbers = numbers
        nodes = canvas.nodes
        edges = canvas.edges
        labels = canvas.labels
        bounds = canvas.bounds
    }
}

extension NumberFormat {
    /// Four significant digits without padding zeros: enough to follow a picture of exact values, while the
    /// derivation's text carries every digit.
    package static let diagram = NumberFormat(significantDigits: 4, keepsTrailingZeros: false)

    /// How a picture of a handout printed with this format writes its numbers: as the handout does when it
    /// rounds to at most four digits, so the picture's numbers are the derivation's; else to four digits.
    package var forDiagrams: NumberFormat {
        if let digits = significantDigits, digits <= 4 { return self }
        return NumberFormat.diagram.printing(exactly: Array(exactValues))
    }
}
