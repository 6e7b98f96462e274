import BackpropKit

/// The closing section of a network handout: the whole derivation as the loop a program runs, as the note's
/// summary says it "could be a simple iterative computer program". Each line is words and formulas about any
/// layer and neuron (``AnyIndex``), printed through the handout's notation.
package struct AlgorithmProse: Sendable {
    /// The network the handout derives.
    package let network: Network
    /// How the handout names its quantities.
    package let notation: any Notation

    /// The algorithm for a handout of `network` in `notation`.
    package init(network: Network, notation: any Notation) {
        self.network = network
        self.notation = notation
    }

    /// The heading, a sentence and the numbered lines of the loop.
    package var blocks: [HandoutBlock] {
        let lines = self.lines.enumerated().map { number, line in HandoutBlock.paragraph([.text("\(number + 1). ")] + line) }
        return [.heading(Heading(level: 1, title: [.text("The algorithm")])),
                .paragraph([.text("Everything above is one loop over the layers, the same for every network:")])] + lines
    }

    private var lines: [[Phrase]] {
        let (k, previous, j, i) = (AnyIndex.layer, AnyIndex.previousLayer, AnyIndex.neuron, AnyIndex.source)
        let n = network.depth
        let f = Symbol.preactivation(layer: k, neuron: j), o = Symbol.activation(layer: k, neuron: j)
        let input = Symbol.activation(layer: previous, neuron: i), weight = Symbol.weight(layer: previous, from: i, to: j)
        let output = Symbol.activation(layer: n, neuron: j), target = Symbol.target(neuron: j)
        var lines: [[Phrase]] = [
            [.text("For each layer "), .layer(label(k))] + range(from: 1, to: n)
                + [.text(" (forward pass), for each neuron "), .layer(letter(of: o)), .text(":")],
            [.equation(.of(f), .product([.of(weight), .of(input)])), .text(" summed over every neuron "), .layer(letter(of: input))]
                + (network.hasBiases ? [.text(", plus "), .math(.of(.bias(layer: k, neuron: j)))] : []),
            [.equation(.of(o), .application(.activation(layer: k), [.of(f)]))],
            [.text("The loss "), .math(.of(.loss)), .text(" is "), .math(.application(.loss, [.of(output), .of(target)])),
             .text(" summed over every output "), .layer(letter(of: output)), .text(", and "),
             .equation(.partial(.loss, output), .partial(of: .application(.loss, [.of(output), .of(target)]), withRespectTo: .of(output)))],
            [.text("For each layer "), .layer(label(k))] + range(from: n, to: 1)
                + [.text(" (backward pass), for each neuron "), .layer(letter(of: o)), .text(":")],
            [.equation(.partial(.loss, f), .product([.partial(.loss, o),
                                                                  .partial(of: .application(.activation(layer: k), [.of(f)]), withRespectTo: .of(f))]))]
                + (network.layers.contains { $0.activation.couplesNeurons }
                   ? [.text(" (for softmax, summed over the outputs it couples)")] : []),
            [.equation(.partial(.loss, weight), .product([.partial(.loss, f), .of(input)]))]
                + (network.hasBiases ? [.text(" and "), .equation(.partial(.loss, .bias(layer: k, neuron: j)), .partial(.loss, f))] : []),
            [.text("For each neuron "), .layer(letter(of: input)), .text(" of layer "), .layer(label(previous)), .text(": "),
             .equation(.partial(.loss, input), .product([.partial(.loss, f), .of(weight)])),
             .text(" summed over every neuron "), .layer(letter(of: o)), .text(", with the weights before any update")],
        ]
        if network.learningRate != nil {
            lines.append([.text("Then every weight steps against its derivative: "),
                          .equation(.of(.updatedWeight(layer: previous, from: i, to: j)),
                                    .sum([.of(weight), .negation(.product([.of(.learningRate), .partial(.loss, weight)]))]))])
        } else {
            lines.append([.text("A step of gradient descent would then move every weight against its derivative.")])
        }
        return lines
    }

    private func label(_ layer: Int) -> String { notation.layerLabel(layer) }

    /// " from n-2 up to n", " from n down to n-2", or " = n" for a network of one layer.
    private func range(from first: Int, to last: Int) -> [Phrase] {
        guard first != last else { return [.text(" = "), .layer(label(first))] }
        return [.text(" from "), .layer(label(first)), .text(first < last ? " up to " : " down to "), .layer(label(last))]
    }

    /// The letter of the neuron index of `symbol`, such as i in o_{k-1,i}.
    private func letter(of symbol: Symbol) -> String { notation.name(of: symbol).subscripts.last ?? "" }
}
