import BackpropKit

// MARK: - Backward propagation through one neuron

extension DiagramLayout {
    /// One neuron k, j backwards: the errors ∂δ/∂o_{k+1,m} of the next layer (or the loss) weighted by
    /// ∂o_{k+1,m}/∂o_{k,j} into ∂δ/∂o_{k,j}, times ∂o_{k,j}/∂f_{k,j} into ∂δ/∂f_{k,j}, and the weight gradients
    /// ∂δ/∂w_{k-1,i,j} = o_{k-1,i} · ∂δ/∂f_{k,j} on the edges to its inputs.
    mutating func drawBackwardNode() {
        let (k, j) = focus
        let forward = backpropagation.forward
        let gradients = backpropagation.gradients(ofLayer: k)
        let o = Symbol.activation(layer: k, neuron: j), f = Symbol.preactivation(layer: k, neuron: j)
        let color = DiagramColor.layer(k, depth: depth)
        // Named by what they hold, ∂δ/∂f | ∂δ/∂o; the title names the neuron.
        let box = Box(parts: [[DiagramText([shortErrorName(f)], style: .name), value(gradients.preactivationGradient[j])],
                              [DiagramText([shortErrorName(o)], style: .name), value(gradients.outputGradient[j], color: color)]])
        let neuron = node("l\(k)n\(j)", .neuron, layer: k, neuron: j, box: box, center: DiagramPoint(x: 0, y: 0),
                          widths: partWidths([box]), height: height([box]))
        canvas.add(neuron)
        let couplings = gradients.activationDerivatives[j]
        let own = couplings.first { $0.neuron == j }?.value ?? 0

        var inputs = neighbourColumn(layer: k - 1) { i in [name(.activation(layer: k - 1, neuron: i)), value(forward.activations[k - 1][i])] }
        inputs.outlineColor = .muted
        let back: DiagramColor = k == 1 ? .muted : .layer(k - 1, depth: depth)
        let placed = placeStar(inputs, beside: neuron, on: .left, edges: inputs.selection.neurons.map { i in
            StarEdge(neuron: i, pointsInward: false, color: back,
                     label: DiagramText([partial(.loss, .weight(layer: k - 1, from: i, to: j)), .equals,
                                         .math(.constant(gradients.weightGradient[i][j]))], style: .value))
        })
        var headings: [(x: Double, lines: [DiagramText])] = [(placed.values.first?.frame.center.x ?? neuron.frame.x, header(layer: k - 1)),
                                                             (neuron.frame.center.x, header(layer: k))]
        var formulas: [DiagramText] = []
        if k < depth {
            let next = backpropagation.gradients(ofLayer: k + 1)
            let nextColor = DiagramColor.layer(k + 1, depth: depth)
            let column = neighbourColumn(layer: k + 1) { m in
                [DiagramText([partial(.loss, .activation(layer: k + 1, neuron: m))], style: .name), value(next.outputGradient[m], color: nextColor)]
            }
            let after = placeStar(column, beside: neuron, on: .right, edges: column.selection.neurons.map { m in
                StarEdge(neuron: m, pointsInward: true, color: color,
                         label: DiagramText([partial(.activation(layer: k + 1, neuron: m), o), .equals,
                                             .math(.constant(next.outputByPreviousOutput[m][j]))], style: .value))
            })
            if let x = after.values.first?.frame.center.x { headings.append((x, header(layer: k + 1))) }
            let terms = (0..<network.widths[k + 1]).map { m in
                [partial(.loss, .activation(layer: k + 1, neuron: m)), partial(.activation(layer: k + 1, neuron: m), o)]
            }
            formulas.append(DiagramText([partial(.loss, o), .equals] + sum(ofProducts: terms)
                                        + [.equals, .math(.constant(gradients.outputGradient[j]))], style: .note, color: color))
        } else {
            let derivative = network.lossExpression(neuron: j).derivative(withRespectTo: o)
            let loss = GridColumn(layer: nil, selection: NeuronSelection(width: 1),
                                  boxes: [0: lossSeed()], role: .loss, header: [])
            let after = placeStar(loss, beside: neuron, on: .right, edges: [
                StarEdge(neuron: 0, pointsInward: true, color: color,
                         label: DiagramText([.math(derivative), .equals, .math(.constant(backpropagation.lossGradient[j]))], style: .value)),
            ])
            if let x = after.values.first?.frame.center.x { headings.append((x, [DiagramText([.words("loss")], style: .note, color: .muted)])) }
            formulas.append(DiagramText([partial(.loss, o), .equals, partial(.lossTerm(neuron: j), o), .equals,
                                         .math(derivative), .equals, .math(.constant(gradients.outputGradient[j]))], style: .note, color: color))
        }
        // ∂o/∂f over the neuron, or under it, where no line crosses it; the formulas under the picture give it too.
        let step = DiagramText([partial(o, f), .equals, .math(.constant(own))], style: .note)
        let rises = (0..<8).map { 0.3 + 0.25 * Double($0) }
        let heights: [Double] = rises.map { neuron.frame.y - $0 } + rises.map { neuron.frame.maxY + $0 }
        if let free = heights.lazy.map({ DiagramLabel(step, at: DiagramPoint(x: neuron.frame.center.x, y: $0)) }).first(where: { canvas.isFree($0) }) {
            canvas.add(free)
        }
        headers(headings)

        if network.layer(k).activation.couplesNeurons {
            let terms = couplings.map { coupling in
                [partial(.loss, .activation(layer: k, neuron: coupling.neuron)), partial(.activation(layer: k, neuron: coupling.neuron), f)]
            }
            formulas.append(DiagramText([partial(.loss, f), .equals] + sum(ofProducts: terms)
                                        + [.equals, .math(.constant(gradients.preactivationGradient[j]))], style: .note))
        } else {
            let product: [DiagramText.Piece] = printsDerivationNumbers
                ? [.math(.product([.constant(gradients.outputGradient[j]), .constant(own)])), .equals] : []
            formulas.append(DiagramText([partial(.loss, f), .equals, partial(.loss, o), .times, partial(o, f), .equals] + product
                                        + [.math(.constant(gradients.preactivationGradient[j]))], style: .note))
        }
        // The derivation's own factorisation, ∂δ/∂f_{k,j} · o_{k-1,i}, with its rounded factors.
        let product: [DiagramText.Piece] = printsDerivationNumbers
            ? [.math(.product([.constant(gradients.preactivationGradient[j]), .constant(forward.activations[k - 1][0])])), .equals] : []
        formulas.append(DiagramText([partial(.loss, .weight(layer: k - 1, from: 0, to: j)), .equals, partial(.loss, f), .times,
                                     .math(.of(.activation(layer: k - 1, neuron: 0))), .equals] + product
                                    + [.math(.constant(gradients.weightGradient[0][j]))], style: .note))
        legend(formulas + notes(unlabelled: false, labelled: "derivatives", layers: NeuronSelection(rows: [.neuron(k - 1), .neuron(k + 1)])))
    }

    /// Whether the picture prints the derivation's values as the derivation does, so that a product of them
    /// is the derivation's arithmetic; a picture that shortens exact values prints only results.
    private var printsDerivationNumbers: Bool {
        backpropagation.rounding.significantDigits != nil
            && backpropagation.rounding.significantDigits == metrics.printer.printer.numbers.significantDigits
    }
}
