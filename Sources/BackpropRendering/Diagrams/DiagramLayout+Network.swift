import BackpropKit

// MARK: - The whole network, forward

extension DiagramLayout {
    /// The whole network: f_{k,j} | o_{k,j} with their values on every neuron, the weights on the edges, the loss δ,
    /// and ∂δ/∂o_{k,j} under each neuron in its layer's colour.
    /// - Parameter showsAnswers: Whether to show what the derivation computes; an exercise sheet's picture gives
    ///   the input and the weights alone, and names what is to be found.
    mutating func drawNetwork(showsAnswers: Bool = true) {
        let forward = backpropagation.forward
        // A copy to build the columns from, as placing them changes the layout.
        let layout = self
        let column = { (k: Int) -> GridColumn in
            let selection = NeuronSelection(width: layout.network.widths[k])
            var boxes: [Int: Box] = [:]
            var below: [Int: DiagramText] = [:]
            var above: [Int: DiagramText] = [:]
            for j in selection.neurons {
                let o = Box(parts: [[layout.name(.activation(layer: k, neuron: j))]
                                    + (showsAnswers || k == 0 ? [layout.value(forward.activations[k][j])] : [])])
                guard k > 0 else {
                    boxes[j] = o
                    continue
                }
                // The biases are given, like the weights.
                if let biases = layout.network.layer(k).biases {
                    above[j] = DiagramText([.name(layout.shortName(.bias(layer: k, neuron: j))), .equals, .math(.constant(biases[j]))], style: .value)
                }
                guard showsAnswers else {
                    boxes[j] = Box(parts: [[layout.name(.preactivation(layer: k, neuron: j))]] + o.parts)
                    continue
                }
                boxes[j] = Box(parts: [[layout.name(.preactivation(layer: k, neuron: j)), layout.value(forward.preactivations[k][j])]] + o.parts)
                // The value alone, named by the legend: the box stays as narrow as its own texts.
                below[j] = layout.value(layout.backpropagation.gradients(ofLayer: k).outputGradient[j], color: .layer(k, depth: layout.depth))
            }
            return GridColumn(layer: k, selection: selection, boxes: boxes, below: below, above: above, role: k == 0 ? .input : .neuron,
                              header: layout.header(layer: k))
        }
        let network = network
        let placement = placeGrid(layer: column, then: lossColumn(showsValue: showsAnswers)) { column, left, right in
            switch column.role {
            case .loss:
                return left.map { GridEdge(left: $0, right: 0, pointsLeft: false, color: .muted, label: nil) }
            case .neuron:
                let weights = network.layer(column.layer ?? 1).weights
                return left.flatMap { i in
                    right.map { j in GridEdge(left: i, right: j, pointsLeft: false, color: .ink, label: .number(weights[i][j])) }
                }
            case .input, .bias, .target, .lossTerm, .ellipsis, .plotPoint, .block:
                return []
            }
        }
        let names = generic
        let biases = network.hasBiases ? [DiagramText([.words("Over each neuron: its bias "), .name(names.bias), .words(".")], style: .note)] : []
        guard showsAnswers else {
            legend([
                DiagramText([.words("In each neuron: "), .name(names.preactivation), .words(" and "), .name(names.activation), .equals,
                             .name(names.function), .words("("), .name(names.preactivation), .words("), for you to compute.")], style: .note),
                DiagramText([.words("On the edges: the weights "), .name(names.weight), .words(", all of them in the tables too.")], style: .note),
            ] + biases + notes(unlabelled: false, labelled: "weights", layers: placement.layers))
            return
        }
        legend([
            DiagramText([.words("In each neuron: "), .name(names.preactivation), .words(" and "), .name(names.activation), .equals,
                         .name(names.function), .words("("), .name(names.preactivation), .words("), with their values.")], style: .note),
            DiagramText([.words("On the edges: the weights "), .name(names.weight), .words(".")], style: .note),
            DiagramText([.words("Under each neuron, in its layer's colour: "), .partial(notation.name(of: Symbol.loss), names.activation), .words(".")],
                        style: .note),
        ] + biases + notes(unlabelled: placement.unlabelled, labelled: "weights", layers: placement.layers))
    }

    /// The loss δ with its value (unless `showsValue` is false), in a column of its own.
    func lossColumn(showsValue: Bool = true) -> GridColumn {
        GridColumn(layer: nil, selection: NeuronSelection(width: 1),
                   boxes: [0: Box(parts: [[name(.loss)] + (showsValue ? [value(backpropagation.forward.loss)] : [])])],
                   role: .loss, header: [DiagramText([.words("loss")], style: .note, color: .muted)])
    }

    /// The notes on what a picture shades and leaves out: the blocks of coupled layers, the labels of crowded edges,
    /// the layers under a `⋯`, and the neurons of the wide layers among those drawn, `layers`.
    func notes(unlabelled: Bool, labelled: String, layers: NeuronSelection) -> [DiagramText] {
        var notes: [DiagramText] = []
        if canvas.nodes.contains(where: { $0.role == .block }) {
            notes.append(DiagramText([.words("On grey: a softmax layer, one block, as each of its outputs depends on every pre-activation of the layer.")],
                                     style: .note))
        }
        if unlabelled {
            notes.append(DiagramText([.words("Crowded edges are left bare: their \(labelled) are in the derivation.")], style: .note))
        }
        if layers.rows.contains(where: { if case .ellipsis = $0 { return true } else { return false } }) {
            notes.append(DiagramText([.words("The layers under ⋯ are left out, so the picture prints at a readable size; the derivation has them all.")],
                                     style: .note))
        }
        if layers.neurons.contains(where: { network.widths.indices.contains($0) && network.widths[$0] > NeuronSelection.limit }) {
            notes.append(DiagramText([.words("Layers over \(NeuronSelection.limit) neurons wide show their first \(NeuronSelection.leading) and last \(NeuronSelection.trailing) only.")],
                                     style: .note))
        }
        return notes
    }

    /// Writes `lines` under everything placed so far, from the left edge.
    mutating func legend(_ lines: [DiagramText]) {
        canvas.addLegend(lines)
    }
}
