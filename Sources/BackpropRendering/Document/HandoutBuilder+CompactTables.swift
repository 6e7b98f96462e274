import BackpropKit

// MARK: - Tables of whole layers

/// What an exercise sheet and a short handout give layer by layer in tables: the sheet's weights, and the
/// neurons and weight derivatives a short handout does not derive in full.
extension HandoutBuilder {
    /// The weights and biases of every layer, each layer's under a sentence saying how to read it: what an
    /// exercise sheet gives beside its picture, whose crowded edges may carry no number.
    func weightTables(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        let network = derivation.network
        return (1...network.depth).flatMap { k -> [HandoutBlock] in
            let layer = network.layer(k)
            return prose.gridTables(layer: k, of: .of(.generic(.weight(layer: k - 1, from: 0, to: 0))),
                                    biases: layer.biases.map { _ in .of(.generic(.bias(layer: k, neuron: 0))) }) { i, j in
                i < layer.inputWidth ? layer.weights[i][j] : layer.biases?[j] ?? 0
            }
        }
    }

    /// Whether `kind` is a step of the backward pass, from the error derivatives to what layer k passes down.
    static func isBackwardStep(_ kind: Section.Kind) -> Bool {
        switch kind {
        case .errorDerivatives, .calculate, .furtherCalculate, .weightDerivatives, .propagated: return true
        default: return false
        }
    }

    /// On a short handout, the tables of what a section leaves out: every neuron of a layer after its forward
    /// pass, every neuron and weight derivative of a layer after its backward pass.
    func compactTables(after kind: Section.Kind, of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        func generic(_ symbol: Symbol) -> Expression { .of(.generic(symbol)) }
        let (f, o) = (Symbol.preactivation(layer: 1, neuron: 0), Symbol.activation(layer: 1, neuron: 0))
        switch kind {
        case .forwardPass(let k), .updatedForwardPass(let k):
            let afterUpdate = kind == .updatedForwardPass(layer: k)
            guard let forward = afterUpdate ? derivation.training?.afterFirstStep.forward : derivation.backpropagation.forward else { return [] }
            let names = afterUpdate ? [Expression.of(.afterUpdate(.generic(f))), .of(.afterUpdate(.generic(o)))] : [generic(f), generic(o)]
            return prose.neuronTables(layer: k, rows: [(names[0], { forward.preactivations[k][$0] }), (names[1], { forward.activations[k][$0] })])
        case .propagated(let k):
            let gradients = derivation.backpropagation.gradients(ofLayer: k)
            var rows: [(heading: Expression, value: (Int) -> Double)] = []
            if !derivation.network.layer(k).activation.couplesNeurons {
                rows.append((.partial(.generic(o), .generic(f)), { j in gradients.activationDerivatives[j].first?.value ?? 0 }))
            }
            rows.append((.partial(.loss, .generic(o)), { gradients.outputGradient[$0] }))
            // What every neuron passes down to the path's neuron below: the terms of its error-derivative sum.
            if k > 1, let focus = derivation.focus, focus.neurons.indices.contains(k - 1) {
                let below = focus.neurons[k - 1]
                rows.append((.partial(of: generic(o), withRespectTo: .of(.activation(layer: k - 1, neuron: below))),
                             { gradients.outputByPreviousOutput[$0][below] }))
            }
            let layer = derivation.network.layer(k)
            let weight = Symbol.weight(layer: k - 1, from: 0, to: 0)
            return prose.neuronTables(layer: k, rows: rows)
                + prose.gridTables(layer: k, of: .partial(.loss, .generic(weight)),
                                   biases: layer.biases.map { _ in .partial(.loss, .generic(.bias(layer: k, neuron: 0))) }, rounded: true) { i, j in
                    i < layer.inputWidth ? gradients.weightGradient[i][j] : gradients.biasGradient?[j] ?? 0
                }
        default:
            return []
        }
    }
}
