import BackpropKit

// MARK: - Forward propagation through one neuron

extension DiagramLayout {
    /// One neuron k, j: its inputs o_{k-1,i} weighted by w_{k-1,i,j} and summed (with b_{k,j}) into f_{k,j},
    /// o_{k,j} = g_k(f_{k,j}), and the next layer's pre-activations (or its loss) it feeds, dashed.
    mutating func drawForwardNode() {
        let (k, j) = focus
        let forward = backpropagation.forward
        let o = Symbol.activation(layer: k, neuron: j), f = Symbol.preactivation(layer: k, neuron: j)
        let box = Box(parts: [[name(f), value(forward.preactivations[k][j])], [name(o), value(forward.activations[k][j])]])
        let neuron = node("l\(k)n\(j)", .neuron, layer: k, neuron: j, box: box, center: DiagramPoint(x: 0, y: 0),
                          widths: partWidths([box]), height: height([box]))
        canvas.add(neuron)

        if let biases = network.layer(k).biases {
            // Under the neuron, with its arrow rising straight into it: clear of the inputs' edges and their labels.
            let bias = Box(parts: [[name(.bias(layer: k, neuron: j)), value(biases[j])]])
            let node = self.node("b\(j)", .bias, layer: k, neuron: j, box: bias,
                                 center: DiagramPoint(x: neuron.frame.center.x, y: neuron.frame.maxY + 0.6 + height([bias]) / 2),
                                 widths: partWidths([bias]), height: height([bias]))
            canvas.add(node)
            canvas.add(DiagramEdge(from: node.id, to: neuron.id, start: DiagramPoint(x: node.frame.center.x, y: node.frame.y),
                                   end: DiagramPoint(x: neuron.frame.center.x, y: neuron.frame.maxY), color: .ink))
        }
        let inputs = neighbourColumn(layer: k - 1) { i in [name(.activation(layer: k - 1, neuron: i)), value(forward.activations[k - 1][i])] }
        let weights = network.layer(k).weights
        let placed = placeStar(inputs, beside: neuron, on: .left, edges: inputs.selection.neurons.map { i in
            StarEdge(neuron: i, pointsInward: true, color: .ink, label: .equation(.of(.weight(layer: k - 1, from: i, to: j)), weights[i][j]))
        })
        let left = placed.values.first?.frame.center.x ?? neuron.frame.x
        var headings: [(x: Double, lines: [DiagramText])] = [(left, header(layer: k - 1)), (neuron.frame.center.x, header(layer: k))]
        if k < depth {
            var next = neighbourColumn(layer: k + 1) { m in [name(.preactivation(layer: k + 1, neuron: m), color: .muted)] }
            next.outline = .dashed
            next.outlineColor = .muted
            let nextWeights = network.layer(k + 1).weights
            let after = placeStar(next, beside: neuron, on: .right, edges: next.selection.neurons.map { m in
                StarEdge(neuron: m, pointsInward: false, color: .muted, isDashed: true,
                         label: .equation(.of(.weight(layer: k, from: j, to: m)), nextWeights[j][m], color: .muted))
            })
            if let x = after.values.first?.frame.center.x { headings.append((x, header(layer: k + 1))) }
        } else {
            let term = GridColumn(layer: nil, selection: NeuronSelection(rows: [.neuron(j)]),
                                  boxes: [j: Box(parts: [[name(.lossTerm(neuron: j), color: .muted)]])],
                                  role: .lossTerm, outline: .dashed, outlineColor: .muted, header: [])
            let after = placeStar(term, beside: neuron, on: .right, edges: [StarEdge(neuron: j, pointsInward: false, color: .muted, isDashed: true)])
            if let x = after.values.first?.frame.center.x { headings.append((x, [DiagramText([.words("loss")], style: .note, color: .muted)])) }
        }
        headers(headings)

        legend([
            DiagramText([.math(.of(f)), .equals] + sum(network.preactivationTerms(layer: k, neuron: j))
                        + [.equals, .math(.constant(forward.preactivations[k][j]))], style: .note),
            DiagramText(activationFormula(layer: k, neuron: j) + [.equals, .math(.constant(forward.activations[k][j]))], style: .note),
        ] + notes(unlabelled: false, labelled: "weights", layers: NeuronSelection(rows: [.neuron(k - 1), .neuron(k + 1)])))
    }

    /// o_{k,j} = g_k(f_{k,j}) = σ(f_{k,j}): the general form, then the concrete one unless it is softmax's.
    func activationFormula(layer k: Int, neuron j: Int) -> [DiagramText.Piece] {
        let general = network.generalActivationExpression(layer: k, neuron: j)
        var pieces: [DiagramText.Piece] = [.math(.of(.activation(layer: k, neuron: j))), .equals, .math(general)]
        let concrete = network.activationExpression(layer: k, neuron: j)
        if !network.layer(k).activation.couplesNeurons, concrete != general {
            pieces += [.equals, .math(concrete)]
        }
        return pieces
    }

    /// The neurons of layer `layer` as a column of one-part boxes, each of the lines `lines(neuron)`.
    func neighbourColumn(layer: Int, _ lines: (Int) -> [DiagramText]) -> GridColumn {
        let selection = NeuronSelection(width: network.widths[layer])
        var boxes: [Int: Box] = [:]
        for i in selection.neurons { boxes[i] = Box(parts: [lines(i)]) }
        return GridColumn(layer: layer, selection: selection, boxes: boxes, role: layer == 0 ? .input : .neuron, header: [])
    }
}
