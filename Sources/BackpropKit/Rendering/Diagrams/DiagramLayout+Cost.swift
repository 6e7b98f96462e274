// MARK: - The cost

extension DiagramLayout {
    /// The cost: each output o_{n,j} and its target t_j into δ_j = loss(o_{n,j}, t_j), the δ_j summed into δ,
    /// and under each output, in the output layer's colour, ∂δ/∂o_{n,j}, where the backward pass starts.
    mutating func drawCost() {
        let forward = backpropagation.forward
        let n = depth
        let color = DiagramColor.layer(n, depth: depth)
        let selection = NeuronSelection(width: network.widths[n])
        let neurons = selection.neurons
        var outputs = GridColumn(layer: n, selection: selection, boxes: [:], role: .neuron, header: [])
        var targets = GridColumn(layer: nil, selection: NeuronSelection(rows: neurons.map(NeuronSelection.Row.neuron)), boxes: [:],
                                 role: .target, outlineColor: .muted, header: [])
        var terms = GridColumn(layer: nil, selection: selection, boxes: [:], role: .lossTerm, header: [])
        for j in neurons {
            let o = Symbol.activation(layer: n, neuron: j)
            outputs.boxes[j] = Box(parts: [[name(o), value(forward.activations[n][j])]])
            outputs.below[j] = DiagramText([partial(.loss, o), .equals,
                                            .math(.constant(backpropagation.lossGradient[j]))], style: .value, color: color)
            targets.boxes[j] = Box(parts: [[name(.target(neuron: j), color: .muted), value(network.target[j], color: .muted)]])
            terms.boxes[j] = Box(parts: [[name(.lossTerm(neuron: j)), value(forward.lossTerms[j])]])
        }
        let loss = lossColumn()

        let all = [outputs, targets, terms, loss]
        let boxHeight = height(all.flatMap { $0.boxes.values })
        let below = metrics.lineHeight(DiagramText([], style: .value)) + 0.04
        let pitch = 2 * boxHeight + below + 0.2
        let centers = rowCenters(selection, pitch: pitch)
        let widths = all.map { partWidths(Array($0.boxes.values)) }
        let lossWidth = widths[3].reduce(0, +)

        var x = widths[0].reduce(0, +) / 2
        let outputNodes = placeColumn(outputs, x: x, centers: centers, widths: widths[0], height: boxHeight)
        x += widths[0].reduce(0, +) / 2 + 1.2 + widths[1].reduce(0, +) / 2
        let targetCenters = zip(selection.rows, centers).compactMap { row, y -> Double? in
            if case .neuron = row { return y + boxHeight / 2 + below + 0.1 + boxHeight / 2 } else { return nil }
        }
        let targetX = x
        let targetNodes = placeColumn(targets, x: x, centers: targetCenters, widths: widths[1], height: boxHeight)
        x += widths[1].reduce(0, +) / 2 + 1.2 + widths[2].reduce(0, +) / 2
        let termNodes = placeColumn(terms, x: x, centers: centers, widths: widths[2], height: boxHeight)
        let termX = x
        x += widths[2].reduce(0, +) / 2 + 1.6 + lossWidth / 2
        let lossNodes = placeColumn(loss, x: x, centers: [0], widths: widths[3], height: boxHeight)

        for j in neurons {
            guard let term = termNodes[j] else { continue }
            if let output = outputNodes[j] { canvas.add(edge(from: output, to: term)) }
            if let target = targetNodes[j] { canvas.add(edge(from: target, to: term, color: .muted)) }
            if let total = lossNodes[0] { canvas.add(edge(from: term, to: total)) }
        }
        headers([
            (widths[0].reduce(0, +) / 2, [DiagramText([.words("outputs")], style: .note, color: .muted),
                                          DiagramText([.words("layer "), .layer(notation.layerLabel(n))], style: .note, color: .muted)]),
            (targetX, [DiagramText([.words("targets")], style: .note, color: .muted)]),
            (termX, [DiagramText([.words("loss of each output")], style: .note, color: .muted)]),
            (x, [DiagramText([.words("loss")], style: .note, color: .muted)]),
        ])

        let lossTerms = (0..<network.widths[n]).map { Expression.of(.lossTerm(neuron: $0)) }
        let first = Symbol.activation(layer: n, neuron: 0)
        legend([
            DiagramText([.math(.of(.loss)), .equals] + sum(lossTerms) + [.equals, .math(.constant(forward.loss))], style: .note),
            DiagramText([.math(.of(.lossTerm(neuron: 0))), .equals, .math(network.generalLossExpression(neuron: 0)), .equals,
                         .math(network.lossExpression(neuron: 0)), .equals, .math(.constant(forward.lossTerms[0]))], style: .note),
            DiagramText([partial(.loss, first), .equals, .math(network.lossExpression(neuron: 0).derivative(withRespectTo: first)),
                         .equals, .math(.constant(backpropagation.lossGradient[0]))], style: .note, color: color),
        ] + notes(unlabelled: false, labelled: "values", layers: [n]))
    }
}
