/// Builds the sections of a derivation from a backpropagation's numbers and the network's expression trees.
///
/// General forms name earlier quantities (∂δ/∂o_{k,j} is reused, never re-expanded); concrete forms
/// are the differentiated trees; substitutions are the values already derived, combined exactly as the
/// value was computed.
struct DerivationBuilder: Sendable {
    let backpropagation: Backpropagation
    /// The backpropagation through the weights after the gradient-descent update, whose forward pass the
    /// second forward pass prints; `nil` without a learning rate.
    let afterUpdate: Backpropagation?
    private let bindings: @Sendable (Symbol) -> Double?

    init(backpropagation: Backpropagation, afterUpdate: Backpropagation? = nil) {
        self.backpropagation = backpropagation
        self.afterUpdate = afterUpdate
        self.bindings = backpropagation.forward.bindings(for: backpropagation.network)
    }

    private var network: Network { backpropagation.network }
    private var forward: ForwardPass { backpropagation.forward }

    /// The section of kind `kind`.
    func section(_ kind: Section.Kind) -> Section {
        let steps: [Step]
        switch kind {
        case .given: steps = given()
        case .forwardPass(let k): steps = forwardPass(layer: k)
        case .loss: steps = loss()
        case .errorDerivatives: steps = errorDerivatives()
        case .calculate(let k): steps = calculate(layer: k)
        case .furtherCalculate(let k): steps = furtherCalculate(layer: k)
        case .weightDerivatives(let k): steps = weightDerivatives(layer: k)
        case .update(let k): steps = update(layer: k)
        case .propagated(let k): steps = propagated(layer: k)
        case .updatedForwardPass(let k): steps = updatedForwardPass(layer: k)
        case .updatedLoss: steps = updatedLoss()
        }
        return Section(kind: kind, steps: steps)
    }

    // MARK: - Forward pass

    private func given() -> [Step] {
        var steps = network.input.indices.map { i in
            Step(symbol: .of(.activation(layer: 0, neuron: i)), value: network.input[i])
        }
        steps += network.target.indices.map { j in Step(symbol: .of(.target(neuron: j)), value: network.target[j]) }
        if let eta = network.learningRate { steps.append(Step(symbol: .of(.learningRate), value: eta)) }
        return steps
    }

    private func forwardPass(layer k: Int) -> [Step] {
        (0..<network.layer(k).width).flatMap { j -> [Step] in
            let f = network.preactivationExpression(layer: k, neuron: j)
            let o = network.activationExpression(layer: k, neuron: j)
            return [
                Step(symbol: .of(.preactivation(layer: k, neuron: j)), general: f,
                     substituted: substitution(of: f), value: forward.preactivations[k][j]),
                Step(symbol: .of(.activation(layer: k, neuron: j)),
                     general: network.generalActivationExpression(layer: k, neuron: j),
                     concrete: o, substituted: substitution(of: o), value: forward.activations[k][j]),
            ]
        }
    }

    private func loss() -> [Step] {
        var steps = network.target.indices.map { j in
            let concrete = network.lossExpression(neuron: j)
            return Step(symbol: .of(.lossTerm(neuron: j)), general: network.generalLossExpression(neuron: j),
                        concrete: concrete, substituted: substitution(of: concrete), value: forward.lossTerms[j])
        }
        if forward.lossTerms.count > 1 {
            steps.append(Step(
                symbol: .of(.loss),
                general: .sum(forward.lossTerms.indices.map { .of(.lossTerm(neuron: $0)) }),
                substituted: .sum(forward.lossTerms.map(Expression.constant)),
                value: forward.loss))
        } else {
            steps.append(Step(symbol: .of(.loss), general: .of(.lossTerm(neuron: 0)), value: forward.loss))
        }
        return steps
    }

    // MARK: - Backward pass

    private func errorDerivatives() -> [Step] {
        network.target.indices.map { j in
            let output = Symbol.activation(layer: network.depth, neuron: j)
            let concrete = network.lossExpression(neuron: j).derivative(withRespectTo: output)
            return Step(symbol: .partial(.loss, output),
                        general: .partial(of: network.generalLossExpression(neuron: j), withRespectTo: .of(output)),
                        concrete: concrete, substituted: substitution(of: concrete),
                        value: backpropagation.lossGradient[j])
        }
    }

    private func calculate(layer k: Int) -> [Step] {
        let gradients = backpropagation.gradients(ofLayer: k)
        let layer = network.layer(k)
        var steps: [Step] = []
        for (j, couplings) in gradients.activationDerivatives.enumerated() {
            for coupling in couplings {
                let concrete = network.activationDerivativeExpression(layer: k, neuron: j, by: coupling.neuron)
                steps.append(Step(symbol: activationDerivative(layer: k, neuron: j, by: coupling.neuron),
                                  concrete: concrete, substituted: substitution(of: concrete), value: coupling.value))
            }
        }
        // The terms of f_{k,j} (``Network/preactivationTerms(layer:neuron:)``) are w_{k-1,i,j} o_{k-1,i} and b_{k,j}:
        // their derivatives are written directly, ∂f_{k,j}/∂w_{k-1,i,j} = o_{k-1,i}, ∂f_{k,j}/∂b_{k,j} = 1 and
        // ∂f_{k,j}/∂o_{k-1,i} = w_{k-1,i,j}, rather than differentiated and simplified for every weight.
        for i in 0..<layer.inputWidth {
            for j in 0..<layer.width {
                let weight = Symbol.weight(layer: k - 1, from: i, to: j)
                steps.append(Step(symbol: .partial(.preactivation(layer: k, neuron: j), weight),
                                  concrete: .of(.activation(layer: k - 1, neuron: i)), value: forward.activations[k - 1][i]))
            }
        }
        if layer.biases != nil {
            for j in 0..<layer.width {
                let bias = Symbol.bias(layer: k, neuron: j)
                steps.append(Step(symbol: .partial(.preactivation(layer: k, neuron: j), bias), concrete: .one, value: 1))
            }
        }
        for j in 0..<layer.width {
            for i in 0..<layer.inputWidth {
                let previous = Symbol.activation(layer: k - 1, neuron: i)
                steps.append(Step(symbol: .partial(.preactivation(layer: k, neuron: j), previous),
                                  concrete: .of(.weight(layer: k - 1, from: i, to: j)),
                                  value: layer.weights[i][j], isOptional: k == 1))
            }
        }
        return steps
    }

    private func furtherCalculate(layer k: Int) -> [Step] {
        let gradients = backpropagation.gradients(ofLayer: k)
        let layer = network.layer(k)
        let previous = forward.activations[k - 1]
        let byPreactivation = couplingsByPreactivation(gradients)
        // ∂o_{k,j}/∂f_{k,m} is the same tree for every weight and input: built once, shared by the steps.
        let local = byPreactivation.enumerated().map { m, dependents in
            dependents.map { activationDerivative(layer: k, neuron: $0.neuron, by: m) }
        }
        var steps: [Step] = []
        steps.reserveCapacity((layer.inputWidth + 1) * byPreactivation.reduce(0) { $0 + $1.count } + layer.width * layer.inputWidth)
        for i in 0..<layer.inputWidth {
            for (m, dependents) in byPreactivation.enumerated() {
                for (index, (j, c, coupling)) in dependents.enumerated() {
                let weight = Symbol.weight(layer: k - 1, from: i, to: m)
                steps.append(Step(
                    symbol: .partial(.activation(layer: k, neuron: j), weight),
                    general: .product([local[m][index], .partial(.preactivation(layer: k, neuron: m), weight)]),
                    substituted: .product([.constant(coupling.value), .constant(previous[i])]),
                    value: gradients.outputByWeight[j][i][c]))
                }
            }
        }
        if layer.biases != nil {
            for (m, dependents) in byPreactivation.enumerated() {
                for (index, (j, _, coupling)) in dependents.enumerated() {
                let bias = Symbol.bias(layer: k, neuron: m)
                steps.append(Step(
                    symbol: .partial(.activation(layer: k, neuron: j), bias),
                    general: .product([local[m][index], .partial(.preactivation(layer: k, neuron: m), bias)]),
                    substituted: .product([.constant(coupling.value), .one]),
                    value: coupling.value))
                }
            }
        }
        for (j, couplings) in gradients.activationDerivatives.enumerated() {
            let derivatives = couplings.map { activationDerivative(layer: k, neuron: j, by: $0.neuron) }
            for i in 0..<layer.inputWidth {
                let source = Symbol.activation(layer: k - 1, neuron: i)
                let general = couplings.indices.map { c in
                    Expression.product([derivatives[c], .partial(.preactivation(layer: k, neuron: couplings[c].neuron), source)])
                }
                let substituted = couplings.map { coupling in
                    Expression.product([.constant(coupling.value), .constant(layer.weights[i][coupling.neuron])])
                }
                steps.append(Step(symbol: .partial(.activation(layer: k, neuron: j), source),
                                  general: Self.sum(general), substituted: Self.sum(substituted),
                                  value: gradients.outputByPreviousOutput[j][i], isOptional: k == 1))
            }
        }
        return steps
    }

    private func weightDerivatives(layer k: Int) -> [Step] {
        let gradients = backpropagation.gradients(ofLayer: k)
        let layer = network.layer(k)
        let byPreactivation = couplingsByPreactivation(gradients)
        let outputGradients = lossByOutputs(layer: k)
        let previous = forward.activations[k - 1]
        var steps: [Step] = []
        steps.reserveCapacity((layer.inputWidth + 2) * layer.width)
        // ∂δ/∂f_{k,m} = Σ_j ∂δ/∂o_{k,j} · ∂o_{k,j}/∂f_{k,m}: the factor every weight into neuron m shares.
        let local = byPreactivation.enumerated().map { m, dependents in
            dependents.map { activationDerivative(layer: k, neuron: $0.neuron, by: m) }
        }
        // ∂δ/∂f_{k,m} itself, named by its step and by every weight's: built once, shared.
        let preactivationGradients = (0..<layer.width).map { Expression.partial(.loss, .preactivation(layer: k, neuron: $0)) }
        for (m, dependents) in byPreactivation.enumerated() {
            steps.append(Step(
                symbol: preactivationGradients[m],
                general: Self.sum(dependents.enumerated().map { index, dependent in
                    .product([outputGradients[dependent.neuron], local[m][index]])
                }),
                substituted: Self.sum(dependents.map { dependent in
                    .product([.constant(gradients.outputGradient[dependent.neuron]), .constant(dependent.coupling.value)])
                }),
                value: gradients.preactivationGradient[m]))
        }
        for i in 0..<layer.inputWidth {
            for m in 0..<layer.width {
                let weight = Symbol.weight(layer: k - 1, from: i, to: m)
                let general = byPreactivation[m].map { j, _, _ in
                    Expression.product([outputGradients[j], .partial(.activation(layer: k, neuron: j), weight)])
                }
                steps.append(Step(symbol: .partial(.loss, weight), general: Self.sum(general),
                                  concrete: .product([preactivationGradients[m], .of(.activation(layer: k - 1, neuron: i))]),
                                  substituted: .product([.constant(gradients.preactivationGradient[m]), .constant(previous[i])]),
                                  value: gradients.weightGradient[i][m]))
            }
        }
        if let biasGradient = gradients.biasGradient {
            for m in 0..<layer.width {
                let bias = Symbol.bias(layer: k, neuron: m)
                let general = byPreactivation[m].map { j, _, _ in
                    Expression.product([outputGradients[j], .partial(.activation(layer: k, neuron: j), bias)])
                }
                steps.append(Step(symbol: .partial(.loss, bias), general: Self.sum(general),
                                  concrete: preactivationGradients[m], value: biasGradient[m]))
            }
        }
        return steps
    }

    private func update(layer k: Int) -> [Step] {
        let gradients = backpropagation.gradients(ofLayer: k)
        let layer = network.layer(k)
        guard let eta = network.learningRate, let updatedWeights = gradients.updatedWeights else { return [] }
        var steps: [Step] = []
        for i in 0..<layer.inputWidth {
            for j in 0..<layer.width {
                let weight = Symbol.weight(layer: k - 1, from: i, to: j)
                steps.append(Step(
                    symbol: .of(.updatedWeight(layer: k - 1, from: i, to: j)),
                    general: Self.descent(.of(weight), .partial(.loss, weight)),
                    substituted: Self.descent(.constant(layer.weights[i][j]), .constant(gradients.weightGradient[i][j]), eta: .constant(eta)),
                    value: updatedWeights[i][j]))
            }
        }
        if let biases = layer.biases, let updatedBiases = gradients.updatedBiases, let biasGradient = gradients.biasGradient {
            for j in 0..<layer.width {
                let bias = Symbol.bias(layer: k, neuron: j)
                steps.append(Step(
                    symbol: .of(.updatedBias(layer: k, neuron: j)),
                    general: Self.descent(.of(bias), .partial(.loss, bias)),
                    substituted: Self.descent(.constant(biases[j]), .constant(biasGradient[j]), eta: .constant(eta)),
                    value: updatedBiases[j]))
            }
        }
        return steps
    }

    private func propagated(layer k: Int) -> [Step] {
        let gradients = backpropagation.gradients(ofLayer: k)
        let outputGradients = lossByOutputs(layer: k)
        return (0..<network.layer(k).inputWidth).map { i in
            let source = Symbol.activation(layer: k - 1, neuron: i)
            let outputs = gradients.outputGradient.indices
            return Step(
                symbol: .partial(.loss, source),
                general: Self.sum(outputs.map { j in
                    .product([outputGradients[j], .partial(.activation(layer: k, neuron: j), source)])
                }),
                substituted: Self.sum(outputs.map { j in
                    .product([.constant(gradients.outputGradient[j]), .constant(gradients.outputByPreviousOutput[j][i])])
                }),
                value: gradients.previousOutputGradient[i], isOptional: k == 1)
        }
    }

    // MARK: - After the update

    /// f⁺_{k,j} and o⁺_{k,j}: the forward pass of layer k through the updated weights, written as the first one.
    private func updatedForwardPass(layer k: Int) -> [Step] {
        guard let afterUpdate else { return [] }
        return DerivationBuilder(backpropagation: afterUpdate).forwardPass(layer: k).map(Self.afterUpdate)
    }

    /// δ⁺_j and δ⁺ through the updated weights, then the change δ⁺ − δ.
    private func updatedLoss() -> [Step] {
        guard let afterUpdate else { return [] }
        let (before, after) = (forward.loss, afterUpdate.forward.loss)
        var difference = backpropagation.rounding.sum()
        difference.add(after)
        difference.add(-before)
        let change = Step(symbol: .sum([.of(.afterUpdate(.loss)), .negation(.of(.loss))]),
                          substituted: .sum([.constant(after), .negation(.constant(before))]),
                          value: difference.value)
        return DerivationBuilder(backpropagation: afterUpdate).loss().map(Self.afterUpdate) + [change]
    }

    /// `step` of a forward pass named as after the update: f⁺, o⁺, δ⁺ through w⁺ and b⁺; the input and the
    /// targets keep their names.
    private static func afterUpdate(_ step: Step) -> Step {
        func renamed(_ expression: Expression) -> Expression {
            expression.replacing { subtree in
                guard case .symbol(let symbol) = subtree else { return nil }
                switch symbol {
                case .weight(let k, let i, let j): return .of(.updatedWeight(layer: k, from: i, to: j))
                case .bias(let k, let j): return .of(.updatedBias(layer: k, neuron: j))
                case .activation(let k, _) where k > 0: return .of(.afterUpdate(symbol))
                case .preactivation, .lossTerm, .loss: return .of(.afterUpdate(symbol))
                default: return subtree
                }
            }
        }
        return Step(symbol: renamed(step.symbol), general: step.general.map(renamed), concrete: step.concrete.map(renamed),
                    substituted: step.substituted, value: step.value, isOptional: step.isOptional)
    }

    // MARK: - Helpers

    /// ∂δ/∂o_{k,j} for every neuron j of layer k: built once per section, shared by its steps.
    private func lossByOutputs(layer k: Int) -> [Expression] {
        (0..<network.layer(k).width).map { Expression.partial(.loss, .activation(layer: k, neuron: $0)) }
    }

    /// ∂g_k(f_{k,j})/∂f_{k,j}, the note's name for the local derivative of a neuron-wise activation;
    /// ∂o_{k,j}/∂f_{k,m} for softmax, whose outputs each depend on the whole layer.
    private func activationDerivative(layer k: Int, neuron j: Int, by m: Int) -> Expression {
        let preactivation = Expression.of(.preactivation(layer: k, neuron: m))
        if network.layer(k).activation.couplesNeurons {
            return .partial(of: .of(.activation(layer: k, neuron: j)), withRespectTo: preactivation)
        }
        return .partial(of: network.generalActivationExpression(layer: k, neuron: j), withRespectTo: preactivation)
    }

    /// The non-zero ∂o_{k,j}/∂f_{k,m} of a layer grouped by m: for each m, the neurons j whose output
    /// depends on f_{k,m}, with the index of m among j's couplings.
    private func couplingsByPreactivation(_ gradients: LayerGradients) -> [[(neuron: Int, index: Int, coupling: LayerGradients.Coupling)]] {
        var result = Array(repeating: [(neuron: Int, index: Int, coupling: LayerGradients.Coupling)](), count: gradients.activationDerivatives.count)
        for (j, couplings) in gradients.activationDerivatives.enumerated() {
            for (c, coupling) in couplings.enumerated() { result[coupling.neuron].append((j, c, coupling)) }
        }
        return result
    }

    /// The expression with the forward pass's values substituted, or nil when that is just a number.
    private func substitution(of expression: Expression) -> Expression? {
        let substituted = expression.substituting(bindings)
        return substituted.constantValue == nil ? substituted : nil
    }

    /// The sum of `terms` as written, or the single term.
    private static func sum(_ terms: [Expression]) -> Expression {
        terms.count == 1 ? terms[0] : .sum(terms)
    }

    /// parameter − η · gradient, as written.
    private static func descent(_ parameter: Expression, _ gradient: Expression, eta: Expression = .of(.learningRate)) -> Expression {
        .sum([parameter, .negation(.product([eta, gradient]))])
    }
}
