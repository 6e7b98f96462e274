import BackpropKit

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
        let muted = { (words: String) in DiagramText([.words(words)], style: .note, color: .muted) }
        var outputs = GridColumn(layer: n, selection: selection, boxes: [:], role: .neuron,
                                 header: [muted("outputs"), DiagramText([.words("layer "), .layer(notation.layerLabel(n))], style: .note, color: .muted)])
        var targets = GridColumn(layer: nil, selection: NeuronSelection(rows: neurons.map(NeuronSelection.Row.neuron)), boxes: [:],
                                 role: .target, outlineColor: .muted, header: [muted("targets")])
        var terms = GridColumn(layer: nil, selection: selection, boxes: [:], role: .lossTerm, header: [muted("loss of each output")])
        for j in neurons {
            let o = Symbol.activation(layer: n, neuron: j)
            outputs.boxes[j] = Box(parts: [[name(o), value(forward.activations[n][j])]])
            outputs.below[j] = DiagramText([partial(.loss, o), .equals, .math(.constant(backpropagation.lossGradient[j]))], style: .value, color: color)
            targets.boxes[j] = Box(parts: [[name(.target(neuron: j), color: .muted), value(network.target[j], color: .muted)]])
            terms.boxes[j] = Box(parts: [[name(.lossTerm(neuron: j)), value(forward.lossTerms[j])]])
        }
        var loss = lossColumn()
        loss.header = [muted("loss")]

        let columns = [outputs, targets, terms, loss]
        let boxHeight = height(columns.flatMap { $0.boxes.values })
        let pitch = boxHeight + metrics.lineHeight(DiagramText([], style: .value)) + 0.04 + Self.rowGap
        let centers = rowCenters(selection, pitch: pitch)
        // Each target sits between its output's row and the next, clear of both rows' edges.
        let targetCenters = zip(selection.rows, centers).compactMap { row, y -> Double? in
            if case .neuron = row { return y + pitch / 2 } else { return nil }
        }
        let widths = columns.map { partWidths(Array($0.boxes.values)) }
        let spans = zip(columns, widths).map { column, parts in
            Swift.max(parts.reduce(0, +), (column.header.map(metrics.width).max() ?? 0) + 0.2)
        }
        let gaps = [0, 0.9, 0.9, 1.4]
        var xs: [Double] = []
        var right = 0.0
        for (span, gap) in zip(spans, gaps) {
            xs.append(right + gap + span / 2)
            right += gap + span
        }
        let outputNodes = placeColumn(outputs, x: xs[0], centers: centers, widths: widths[0], height: boxHeight)
        let targetNodes = placeColumn(targets, x: xs[1], centers: targetCenters, widths: widths[1], height: boxHeight)
        let termNodes = placeColumn(terms, x: xs[2], centers: centers, widths: widths[2], height: boxHeight)
        let lossNodes = placeColumn(loss, x: xs[3], centers: [0], widths: widths[3], height: boxHeight)
        for j in neurons {
            guard let term = termNodes[j] else { continue }
            if let output = outputNodes[j] { canvas.add(edge(from: output, to: term)) }
            if let target = targetNodes[j] { canvas.add(edge(from: target, to: term, color: .muted)) }
            if let total = lossNodes[0] { canvas.add(edge(from: term, to: total)) }
        }
        headers(zip(xs, columns).map { ($0, $1.header) })

        let lossTerms = (0..<network.widths[n]).map { Expression.of(.lossTerm(neuron: $0)) }
        let first = Symbol.activation(layer: n, neuron: 0)
        legend([
            DiagramText([.math(.of(.loss)), .equals] + sum(lossTerms) + [.equals, .math(.constant(forward.loss))], style: .note),
            DiagramText([.math(.of(.lossTerm(neuron: 0))), .equals, .math(network.generalLossExpression(neuron: 0)), .equals,
                         .math(network.lossExpression(neuron: 0)), .equals, .math(.constant(forward.lossTerms[0]))], style: .note),
            DiagramText([partial(.loss, first), .equals, .math(network.lossExpression(neuron: 0).derivative(withRespectTo: first)),
                         .equals, .math(.constant(backpropagation.lossGradient[0]))], style: .note, color: color),
        ] + notes(unlabelled: false, labelled: "values", layers: NeuronSelection(rows: [.neuron(n)])))
    }
}
