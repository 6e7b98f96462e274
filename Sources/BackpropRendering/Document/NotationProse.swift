import BackpropKit

/// The notation a network handout uses, introduced before its derivation in the handout's own notation:
/// what the indices count, the order of a weight's indices, each activation the network uses with its
/// derivative derived once, the loss over all outputs and the derivative every weight of a neuron shares.
///
/// Every formula is an expression tree about any layer and neuron (``AnyIndex``), which the formatter prints
/// through the handout's notation, so every format and notation gets the same section.
package struct NotationProse: Sendable {
    /// The network the handout derives.
    package let network: Network
    /// How the handout names its quantities.
    package let notation: any Notation

    /// The introduction of `notation` for a handout of `network`.
    package init(network: Network, notation: any Notation) {
        self.network = network
        self.notation = notation
    }

    /// The heading and paragraphs of the section.
    package var blocks: [HandoutBlock] {
        var paragraphs = [indices, weights] + network.layers.map(\.activation).uniqued.map(activation)
        paragraphs += [loss, sharedDerivative]
        if let combined = combinedOutputDerivative { paragraphs.append(combined) }
        return [.heading(Heading(level: 1, title: [.text("Notation")]))] + paragraphs.map(HandoutBlock.paragraph)
    }

    // MARK: - Paragraphs

    /// What the layer and neuron indices count.
    private var indices: [Phrase] {
        let depth = network.depth
        var phrases: [Phrase]
        if label(depth) == String(depth) {
            phrases = [.text("Layers are numbered from the input layer "), .layer(label(0)), .text(" to the output layer "), .layer(label(depth))]
        } else {
            phrases = [.text("Layers are counted back from the output: the output layer is "), .layer(label(depth))]
            if depth > 1 { phrases += [.text(", the layer before it "), .layer(label(depth - 1))] }
            phrases += [.text(depth > 2 ? ", and so on down to the input layer " : " and the input layer "), .layer(label(0))]
        }
        phrases += [
            .text(". Below, "), .layer(label(AnyIndex.layer)), .text(" stands for any layer and "), .layer(label(AnyIndex.previousLayer)),
            .text(" for the layer before it. Neuron "), .layer(neuronLetter), .text(" of layer "), .layer(label(AnyIndex.layer)),
            .text(" computes the pre-activation "), .math(.of(.preactivation(layer: AnyIndex.layer, neuron: AnyIndex.neuron))),
            .text(" and its output "),
            .equation(.of(.activation(layer: AnyIndex.layer, neuron: AnyIndex.neuron)),
                      .application(.activation(layer: AnyIndex.layer), [.of(.preactivation(layer: AnyIndex.layer, neuron: AnyIndex.neuron))])),
            .text(". The inputs are "), .math(.of(.activation(layer: 0, neuron: AnyIndex.source))),
            .text("; the output layer's pre-activations are "), .math(.of(.preactivation(layer: depth, neuron: AnyIndex.neuron))),
            .text(" and its outputs "), .math(.of(.activation(layer: depth, neuron: AnyIndex.neuron))),
            .text(", each compared with its target "), .math(.of(.target(neuron: AnyIndex.neuron))), .text("."),
        ]
        return phrases
    }

    /// What a weight connects and the order of its indices.
    private var weights: [Phrase] {
        let weight = Symbol.weight(layer: AnyIndex.previousLayer, from: AnyIndex.source, to: AnyIndex.neuron)
        var phrases: [Phrase] = [
            .text("The weight "), .math(.of(weight)), .text(" connects neuron "), .layer(sourceLetter), .text(" of layer "),
            .layer(label(AnyIndex.previousLayer)), .text(" to neuron "), .layer(neuronLetter), .text(" of layer "), .layer(label(AnyIndex.layer)),
            .text(", and "), .math(.of(.preactivation(layer: AnyIndex.layer, neuron: AnyIndex.neuron))), .text(" is the sum of "),
            .math(.product([.of(weight), .of(.activation(layer: AnyIndex.previousLayer, neuron: AnyIndex.source))])),
            .text(" over every neuron "), .layer(sourceLetter), .text(" of layer "), .layer(label(AnyIndex.previousLayer)),
        ]
        if network.hasBiases { phrases += [.text(", plus the bias "), .math(.of(.bias(layer: AnyIndex.layer, neuron: AnyIndex.neuron)))] }
        if weightIndicesAreReversed {
            phrases += [
                .text(". Its subscripts name the neuron it feeds first and the neuron it comes from second, the reverse of the source note's order, so that "),
                .math(.of(weight)), .text(" is the entry in row "), .layer(neuronLetter), .text(" and column "), .layer(sourceLetter),
                .text(" of the weight matrix of layer "), .layer(label(AnyIndex.layer)), .text("."),
            ]
        } else {
            phrases.append(.text(". Its subscripts name the neuron it comes from first and the neuron it feeds second."))
        }
        return phrases
    }

    /// An activation's formula and its derivative, derived once.
    private func activation(_ activation: Activation) -> [Phrase] {
        let x = Expression.of(.variable("x"))
        let e = Expression.of(.variable("e"))
        guard let function = activation.elementary else {
            if activation == .softmax { return softmax }
            return [.text("The identity passes each pre-activation on unchanged, so its derivative is 1.")]
        }
        let value = Expression.apply(function, x)
        let derivative = function.derivative(at: x)
        var phrases: [Phrase] = [.text("The activation "), .math(value)]
        var steps: [Expression] = []
        switch function {
        case .sigmoid:
            phrases += [.text(" = "), .math(.quotient(1, .sum([1, .power(e, -x)])))]
            steps = [.quotient(.power(e, -x), .power(.sum([1, .power(e, -x)]), 2))]
        case .tanh:
            let sum = Expression.sum([.power(e, x), .power(e, -x)])
            phrases += [.text(" = "), .math(.quotient(.sum([.power(e, x), .negation(.power(e, -x))]), sum))]
            steps = [.quotient(4, .power(sum, 2))]
        case .relu:
            phrases += [.text(" = "), .math(.application(.maximum, [0, x]))]
        case .softplus:
            phrases += [.text(" = "), .math(.apply(.log, .sum([1, .power(e, x)])))]
            steps = [.quotient(.power(e, x), .sum([1, .power(e, x)]))]
        case .leakyRelu:
            phrases += [.text(" is "), .math(x), .text(" for positive "), .math(x), .text(" and "),
                        .math(.product([.constant(ElementaryFunction.leakySlope), x])), .text(" otherwise")]
        default:
            break
        }
        phrases += [.text(" has the derivative "), .math(.partial(of: value, withRespectTo: x)), .text(" = ")]
        for step in steps { phrases += [.math(step), .text(" = ")] }
        phrases.append(.math(derivative))
        if function == .relu || function == .leakyRelu { phrases.append(.text(", taken at exactly 0 as on the negative side")) }
        phrases.append(.text(", written once here and used at every pre-activation of its layers."))
        return phrases
    }

    /// Softmax over the output layer and its Jacobian.
    private var softmax: [Phrase] {
        let k = network.layers.lastIndex { $0.activation == .softmax }.map { $0 + 1 } ?? network.depth
        let width = network.layer(k).width
        let e = Expression.of(.variable("e"))
        let f = { (m: Int) in Expression.of(.preactivation(layer: k, neuron: m)) }
        let o = { (m: Int) in Expression.of(.activation(layer: k, neuron: m)) }
        let j = AnyIndex.neuron, m = AnyIndex.other
        return [
            .equation(o(j), .quotient(.power(e, f(j)), .sum((0..<width).map { .power(e, f($0)) }))),
            .text(": softmax makes each output of layer "), .layer(label(k)), .text(" depend on every pre-activation of the layer. Differentiating the quotient gives "), .equation(.partial(of: o(j), withRespectTo: f(j)), .product([o(j), .sum([1, .negation(o(j))])])),
            .text(" and, for every other neuron "), .layer(otherLetter), .text(", "),
            .equation(.partial(of: o(j), withRespectTo: f(m)), .negation(.product([o(j), o(m)]))),
            .text(": a full Jacobian, so the chain rule through softmax sums over every neuron of the layer."),
        ]
    }

    /// The loss of one output, the loss over all outputs, and its derivative.
    private var loss: [Phrase] {
        let j = AnyIndex.neuron
        let output = Symbol.activation(layer: network.depth, neuron: j)
        let concrete = network.loss.expression(output: .of(output), target: .of(.target(neuron: j)))
        let outputs = network.target.count
        var phrases: [Phrase] = [
            .text("The loss of output "), .layer(neuronLetter), .text(" is "),
            .equation(.of(.lossTerm(neuron: j)), .application(.loss, [.of(output), .of(.target(neuron: j))])),
            .text(" = "), .math(concrete),
        ]
        if outputs == 1 {
            phrases += [.text(", and with one output the loss is "), .equation(.of(.loss), .of(.lossTerm(neuron: 0)))]
        } else if outputs <= 4 {
            phrases += [.text(", and the loss sums over all \(outputs) outputs: "),
                        .equation(.of(.loss), .sum((0..<outputs).map { .of(.lossTerm(neuron: $0)) }))]
        } else {
            phrases += [.text(", and the loss "), .math(.of(.loss)), .text(" is the sum of "), .math(.of(.lossTerm(neuron: j))),
                        .text(" over all \(outputs) outputs")]
        }
        phrases += [.text(". Only "), .math(.of(.lossTerm(neuron: j))), .text(" depends on "), .math(.of(output)), .text(", so "),
                    .equation(.partial(.loss, output), concrete.derivative(withRespectTo: output)), .text(".")]
        return phrases
    }

    /// ∂δ/∂f_{k,j}, the product every weight into neuron j shares.
    private var sharedDerivative: [Phrase] {
        let f = Symbol.preactivation(layer: AnyIndex.layer, neuron: AnyIndex.neuron)
        let weight = Symbol.weight(layer: AnyIndex.previousLayer, from: AnyIndex.source, to: AnyIndex.neuron)
        var phrases: [Phrase] = [
            .text("Every weight into neuron "), .layer(neuronLetter), .text(" of layer "), .layer(label(AnyIndex.layer)),
            .text(" reaches the loss through "), .math(.of(f)), .text(", so its derivative is "),
            .equation(.partial(.loss, weight), .product([.partial(.loss, f), .partial(f, weight)])),
            .text(" = "), .math(.product([.partial(.loss, f), .of(.activation(layer: AnyIndex.previousLayer, neuron: AnyIndex.source))])),
            .text(": the factor "), .math(.partial(.loss, f)), .text(" is shared by all of them"),
        ]
        if network.hasBiases {
            phrases += [.text(", and "), .equation(.partial(.loss, .bias(layer: AnyIndex.layer, neuron: AnyIndex.neuron)), .partial(.loss, f))]
        }
        phrases.append(.text("."))
        return phrases
    }

    /// For softmax with the categorical cross-entropy, or the sigmoid with the binary cross-entropy, the
    /// derivative of the loss by an output pre-activation, ∂δ/∂f_{n,j} = o_{n,j} − t_j; `nil` for other pairs.
    private var combinedOutputDerivative: [Phrase]? {
        let n = network.depth, j = AnyIndex.neuron, m = AnyIndex.other
        let o = Expression.of(.activation(layer: n, neuron: j)), t = Expression.of(.target(neuron: j))
        let f = Symbol.preactivation(layer: n, neuron: j)
        let simple = Expression.sum([o, .negation(t)])
        switch (network.layer(n).activation, network.loss) {
        case (.sigmoid, .crossEntropy):
            let oneMinus = Expression.sum([1, .negation(o)])
            return [
                .text("The sigmoid and the binary cross-entropy cancel: "),
                .equation(.partial(.loss, f), .product([.partial(.loss, .activation(layer: n, neuron: j)),
                                                         .partial(.activation(layer: n, neuron: j), f)])),
                .text(" = "), .math(.product([.quotient(simple, .product([o, oneMinus])), .product([o, oneMinus])])),
                .text(" = "), .math(simple), .text("."),
            ]
        case (.softmax, .categoricalCrossEntropy):
            let om = Expression.of(.activation(layer: n, neuron: m)), tm = Expression.of(.target(neuron: m))
            let terms: [Phrase] = [
                .text(" adds "), .math(.product([.partial(.loss, .activation(layer: n, neuron: m)), .partial(.activation(layer: n, neuron: m), f)])),
                .text(" = "), .math(.product([.negation(.quotient(tm, om)), .partial(.activation(layer: n, neuron: m), f)])),
                .text(" over every output "), .layer(otherLetter), .text("; the term "), .layer(otherLetter), .text(" = "), .layer(neuronLetter),
                .text(" is "), .math(.negation(.product([t, .sum([1, .negation(o)])]))), .text(" and every other term "),
                .math(.product([tm, o])),
            ]
            // Targets that do not add up to 1 (not a distribution over the classes) leave o − t scaled by their sum T.
            let targets = network.target.reduce(0, +)
            let addsUpToOne = Swift.abs(targets - 1) <= 1e-9
            let opening = addsUpToOne ? "Softmax and the categorical cross-entropy combine into one simple derivative: "
                                      : "Softmax and the categorical cross-entropy combine into one derivative: "
            let sum = Expression.of(.variable("T"))
            let conclusion: [Phrase] = addsUpToOne
                ? [.text(", so, as the targets add up to 1, "), .equation(.partial(.loss, f), simple), .text(".")]
                : [.text(", so "), .equation(.partial(.loss, f), .sum([.product([o, sum]), .negation(t)])), .text(", where "),
                   .math(sum), .text(" is the sum of the targets. It is "), .math(simple), .text(" only when the targets add up to 1; here "),
                   .equation(sum, .constant(targets)), .text(".")]
            return [.text(opening), .math(.partial(.loss, f))] + terms + conclusion
        default:
            return nil
        }
    }

    // MARK: - Letters

    private func label(_ layer: Int) -> String { notation.layerLabel(layer) }

    /// The letter of any neuron, j.
    private var neuronLetter: String { lastSubscript(of: .activation(layer: AnyIndex.layer, neuron: AnyIndex.neuron)) }
    /// The letter of any neuron of the layer before, i (k in the textbook).
    private var sourceLetter: String { lastSubscript(of: .activation(layer: AnyIndex.previousLayer, neuron: AnyIndex.source)) }
    /// The letter of another neuron of the same layer, m.
    private var otherLetter: String { lastSubscript(of: .activation(layer: AnyIndex.layer, neuron: AnyIndex.other)) }

    private func lastSubscript(of symbol: Symbol) -> String { notation.name(of: symbol).subscripts.last ?? "" }

    /// Whether the notation writes the neuron a weight feeds before the neuron it comes from (the textbook's w_{jk}).
    private var weightIndicesAreReversed: Bool {
        let subscripts = notation.name(of: .weight(layer: AnyIndex.previousLayer, from: AnyIndex.source, to: AnyIndex.neuron)).subscripts
        guard let to = subscripts.firstIndex(of: neuronLetter), let from = subscripts.firstIndex(of: sourceLetter) else { return false }
        return to < from
    }
}

private extension Array where Element: Equatable {
    /// The elements in order, each once.
    var uniqued: [Element] {
        var result: [Element] = []
        for element in self where !result.contains(element) { result.append(element) }
        return result
    }
}
