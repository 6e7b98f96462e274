import BackpropKit

// MARK: - Symbolic questions of an exercise sheet

/// The one symbolic question an exercise sheet asks in each layer, and its answer in the key.
extension HandoutBuilder {
    /// The question after layer k's weight derivatives: ∂δ/∂w_{k-1,1,1} = ∂δ/∂o_{k,1} · ∂g_k(f_{k,1})/∂f_{k,1} · o_{k-1,1},
    /// the chain rule written out to the three factors; `nil` for a softmax layer, whose derivative sums over the layer.
    /// - Parameter answered: Whether the product is written, as in the key, or left blank, as on the sheet.
    static func question(layer k: Int, of derivation: Derivation, answered: Bool) -> Step? {
        let network = derivation.network
        guard !network.layer(k).activation.couplesNeurons else { return nil }
        let chain = Expression.product([
            .partial(.loss, .activation(layer: k, neuron: 0)),
            .partial(of: network.generalActivationExpression(layer: k, neuron: 0), withRespectTo: .of(.preactivation(layer: k, neuron: 0))),
            .of(.activation(layer: k - 1, neuron: 0)),
        ])
        var step = Step(symbol: .partial(.loss, .weight(layer: k - 1, from: 0, to: 0)), general: chain,
                        value: derivation.backpropagation.gradients(ofLayer: k).weightGradient[0][0])
        if !answered { step.blanks = [.general] }
        return step
    }

    /// The question of layer k on an exercise sheet, after its weight derivatives.
    func questionBlocks(after kind: Section.Kind, of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        guard derivation.exercise != nil, case .weightDerivatives(let k) = kind,
              let step = Self.question(layer: k, of: derivation, answered: false) else { return [] }
        return [.paragraph(prose.question(layer: k)), .equations([step])]
    }

    /// The answers of every layer's question, for the key.
    func questionAnswers(of derivation: Derivation, _ prose: NetworkProse) -> [HandoutBlock] {
        let steps = stride(from: derivation.network.depth, through: 1, by: -1).compactMap { Self.question(layer: $0, of: derivation, answered: true) }
        return steps.isEmpty ? [] : [.heading(prose.questionsHeading), .equations(steps)]
    }
}
