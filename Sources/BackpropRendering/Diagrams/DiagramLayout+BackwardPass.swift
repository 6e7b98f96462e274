import BackpropKit

// MARK: - The whole backward pass

extension DiagramLayout {
    /// The whole backward pass: ∂δ/∂f_{k,j} | ∂δ/∂o_{k,j} on every neuron, arrows from the loss back to the first layer
    /// coloured like the ∂δ/∂o they add to, and ∂δ/∂w_{k-1,i,j} on the edges.
    mutating func drawBackwardPass() {
        // A copy to build the columns from, as placing them changes the layout.
        let layout = self
        let column = { (k: Int) -> GridColumn in
            let selection = NeuronSelection(width: layout.network.widths[k])
            var boxes: [Int: Box] = [:]
            for j in selection.neurons {
                let o = layout.name(.activation(layer: k, neuron: j), color: k == 0 ? .muted : .ink)
                guard k > 0 else {
                    boxes[j] = Box(parts: [[o]])
                    continue
                }
                let gradients = layout.backpropagation.gradients(ofLayer: k)
                boxes[j] = Box(parts: [
                    [layout.name(.preactivation(layer: k, neuron: j)), layout.value(gradients.preactivationGradient[j])],
                    [o, layout.value(gradients.outputGradient[j], color: .layer(k, depth: layout.depth))],
                ])
            }
            return GridColumn(layer: k, selection: selection, boxes: boxes, role: k == 0 ? .input : .neuron,
                              outlineColor: k == 0 ? .muted : .ink, header: layout.header(layer: k))
        }
        let backpropagation = backpropagation, depth = depth
        let placement = placeGrid(layer: column, then: lossColumn()) { column, left, right in
            switch column.role {
            case .loss:
                return left.map { GridEdge(left: $0, right: 0, pointsLeft: true, color: .layer(depth, depth: depth), label: nil) }
            case .neuron:
                let k = column.layer ?? 1
                let gradients = backpropagation.gradients(ofLayer: k)
                let color: DiagramColor = k == 1 ? .muted : .layer(k - 1, depth: depth)
                return left.flatMap { i in
                    right.map { j in GridEdge(left: i, right: j, pointsLeft: true, color: color, label: .number(gradients.weightGradient[i][j])) }
                }
            case .input, .bias, .target, .lossTerm, .ellipsis, .plotPoint:
                return []
            }
        }
        let names = generic
        let loss = notation.name(of: Symbol.loss)
        legend([
            DiagramText([.words("In each neuron: "), .partial(loss, names.preactivation), .words(" and, in its layer's colour, "),
                         .partial(loss, names.activation), .words(".")], style: .note),
            DiagramText([.words("The arrows carry the error back, coloured like the value they add to.")], style: .note),
            DiagramText([.words("On the edges: "), .partial(loss, names.weight), .equals, .name(names.input), .times,
                         .partial(loss, names.preactivation), .words(".")], style: .note),
        ] + notes(unlabelled: placement.unlabelled, labelled: "weight gradients", layers: placement.layers))
    }
}
