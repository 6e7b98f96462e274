import BackpropKit

// MARK: - The whole network, forward

extension DiagramLayout {
    /// The whole network: f_{k,j} | o_{k,j} with their values on every neuron, the weights on the edges, the loss δ,
    /// and ∂δ/∂o_{k,j} under each neuron in its layer's colour.
    /// - Parameter showsAnswers: Whether to show what the derivation computes; an exercise sheet's picture gives
    ///   the input and the weights alone, and names what is to be found.
    mutating func drawNetwork(showsAnswers: Bool = true) {
        let forward = backpropagation.forward
        var columns: [GridColumn] = []
        for row in layerRows {
            guard case .neuron(let k) = row else {
                if case .ellipsis(let count) = row { columns.append(skippedLayers(count)) }
                continue
            }
            let selection = NeuronSelection(width: network.widths[k])
            var boxes: [Int: Box] = [:]
            var below: [Int: DiagramText] = [:]
            for j in selection.neurons {
                let o = Box(parts: [[name(.activation(layer: k, neuron: j))] + (showsAnswers || k == 0 ? [value(forward.activations[k][j])] : [])])
                guard k > 0 else {
                    boxes[j] = o
                    continue
                }
                guard showsAnswers else {
                    boxes[j] = Box(parts: [[name(.preactivation(layer: k, neuron: j))]] + o.parts)
                    continue
                }
                boxes[j] = Box(parts: [[name(.preactivation(layer: k, neuron: j)), value(forward.preactivations[k][j])]] + o.parts)
                below[j] = DiagramText([shortErrorName(layer: k), .equals, .math(.constant(backpropagation.gradients(ofLayer: k).outputGradient[j]))],
                                       style: .value, color: .layer(k, depth: depth))
            }
            columns.append(GridColumn(layer: k, selection: selection, boxes: boxes, below: below, role: k == 0 ? .input : .neuron,
                                      header: header(layer: k)))
        }
        columns.append(lossColumn(showsValue: showsAnswers))
        let network = network
        let unlabelled = placeGrid(columns) { column, left, right in
            switch column.role {
            case .loss:
                return left.map { GridEdge(left: $0, right: 0, pointsLeft: false, color: .muted, label: nil) }
            case .neuron:
                let weights = network.layer(column.layer ?? 1).weights
                return left.flatMap { i in
                    right.map { j in GridEdge(left: i, right: j, pointsLeft: false, color: .ink, label: .number(weights[i][j])) }
                }
            case .input, .bias, .target, .lossTerm, .ellipsis, .plotPoint:
                return []
            }
        }
        let names = generic
        guard showsAnswers else {
            legend([
                DiagramText([.words("In each neuron: "), .name(names.preactivation), .words(" and "), .name(names.activation), .equals,
                             .name(names.function), .words("("), .name(names.preactivation), .words("), for you to compute.")], style: .note),
                DiagramText([.words("On the edges: the weights "), .name(names.weight), .words(", all of them in the tables too.")], style: .note),
            ] + notes(unlabelled: false, labelled: "weights", layers: Array(0...depth)))
            return
        }
        legend([
            DiagramText([.words("In each neuron: "), .name(names.preactivation), .words(" and "), .name(names.activation), .equals,
                         .name(names.function), .words("("), .name(names.preactivation), .words("), with their values.")], style: .note),
            DiagramText([.words("On the edges: the weights "), .name(names.weight), .words(".")], style: .note),
            DiagramText([.words("Under each neuron, in its layer's colour: "), .partial(notation.name(of: Symbol.loss), names.activation), .words(".")],
                        style: .note),
        ] + notes(unlabelled: unlabelled, labelled: "weights", layers: Array(0...depth)))
    }

    /// The loss δ with its value (unless `showsValue` is false), in a column of its own.
    func lossColumn(showsValue: Bool = true) -> GridColumn {
        GridColumn(layer: nil, selection: NeuronSelection(width: 1),
                   boxes: [0: Box(parts: [[name(.loss)] + (showsValue ? [value(backpropagation.forward.loss)] : [])])],
                   role: .loss, header: [DiagramText([.words("loss")], style: .note, color: .muted)])
    }

    /// The notes on what a picture leaves out: the labels of crowded edges, the neurons of wide layers among `layers`.
    func notes(unlabelled: Bool, labelled: String, layers: [Int]) -> [DiagramText] {
        var notes: [DiagramText] = []
        if unlabelled {
            notes.append(DiagramText([.words("Crowded edges are left bare: their \(labelled) are in the derivation.")], style: .note))
        }
        if layers.count > NeuronSelection.limit {
            notes.append(DiagramText([.words("Networks over \(NeuronSelection.limit) layers deep show their first \(NeuronSelection.leading) and last \(NeuronSelection.trailing) layers only.")],
                                     style: .note))
        }
        let drawn = Set(layers.count > NeuronSelection.limit ? NeuronSelection(width: layers.count).neurons.map { layers[$0] } : layers)
        if drawn.contains(where: { network.widths.indices.contains($0) && network.widths[$0] > NeuronSelection.limit }) {
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
