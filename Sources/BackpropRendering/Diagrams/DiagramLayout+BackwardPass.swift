import BackpropKit

// MARK: - The whole backward pass

extension DiagramLayout {
    /// The whole backward pass: ∂δ/∂δ = 1 in the loss, ∂δ/∂f_{k,j} | ∂δ/∂o_{k,j} on every neuron, and arrows from the
    /// loss back to the first layer, coloured like the ∂δ/∂o_{k-1,i} they add to and labelled with what they add,
    /// w_{k-1,i,j} · ∂δ/∂f_{k,j}.
    mutating func drawBackwardPass() {
        // A copy to build the columns from, as placing them changes the layout.
        let layout = self
        let column = { (k: Int) -> GridColumn in
            let selection = NeuronSelection(width: layout.network.widths[k])
            var boxes: [Int: Box] = [:]
            for j in selection.neurons {
                guard k > 0 else {
                    boxes[j] = Box(parts: [[layout.name(.activation(layer: k, neuron: j), color: .muted)]])
                    continue
                }
                let gradients = layout.backpropagation.gradients(ofLayer: k)
                // Named by what they hold: ∂δ/∂f | ∂δ/∂o.
                let f = DiagramText([layout.shortErrorName(.preactivation(layer: k, neuron: j))], style: .name)
                let o = DiagramText([layout.shortErrorName(.activation(layer: k, neuron: j))], style: .name)
                boxes[j] = Box(parts: [
                    [f, layout.value(gradients.preactivationGradient[j])],
                    [o, layout.value(gradients.outputGradient[j], color: .layer(k, depth: layout.depth))],
                ])
            }
            return GridColumn(layer: k, selection: selection, boxes: boxes, role: k == 0 ? .input : .neuron,
                              outlineColor: k == 0 ? .muted : .ink, header: layout.header(layer: k))
        }
        let backpropagation = backpropagation, depth = depth
        var seed = lossColumn()
        seed.boxes = [0: lossSeed()]
        let placement = placeGrid(layer: column, then: seed) { column, left, right in
            switch column.role {
            case .loss:
                return left.map { GridEdge(left: $0, right: 0, pointsLeft: true, color: .layer(depth, depth: depth), label: nil) }
            case .neuron:
                let k = column.layer ?? 1
                let gradients = backpropagation.gradients(ofLayer: k)
                let weights = backpropagation.network.layer(k).weights
                // Each arrow is labelled with what it adds to ∂δ/∂o of the neuron it points at, w · ∂δ/∂f; nothing
                // flows on into the inputs.
                let color: DiagramColor = k == 1 ? .muted : .layer(k - 1, depth: depth)
                return left.flatMap { i in
                    right.map { j in
                        GridEdge(left: i, right: j, pointsLeft: true, color: color,
                                 label: k == 1 ? nil : .number(weights[i][j] * gradients.preactivationGradient[j]))
                    }
                }
            case .input, .bias, .target, .lossTerm, .ellipsis, .plotPoint, .block:
                return []
            }
        }
        let names = generic
        let loss = notation.name(of: Symbol.loss)
        legend([
            DiagramText([.words("In each neuron: "), .partial(loss, names.preactivation), .words(" and, in its layer's colour, "),
                         .partial(loss, names.activation), .words(".")], style: .note),
            DiagramText([.words("Each arrow carries "), .name(names.weight), .times, .partial(loss, names.preactivation),
                         .words(" back; the arrows into a neuron add up to its "), shortErrorName(layer: focus.layer), .words(".")],
                        style: .note),
            DiagramText([.words("The weight gradients "), .partial(loss, names.weight), .equals, .name(names.input), .times,
                         .partial(loss, names.preactivation), .words(" are in the derivation.")], style: .note),
        ] + notes(unlabelled: placement.unlabelled, labelled: "products", layers: placement.layers))
    }
}
