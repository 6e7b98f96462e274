/// The headings and explanatory sentences of a derivation, shared by every renderer so all formats
/// read alike; only their syntax differs.
public struct Outline: Sendable {
    /// A heading: level 1 for a part, 2 for a section, 3 for a subsection.
    public struct Heading: Sendable, Equatable {
        /// 1, 2 or 3.
        public let level: Int
        /// The words of the heading.
        public let title: [Phrase]
    }

    /// How layers are labelled.
    public let notation: any Notation
    /// The network derived.
    public let network: Network

    /// The outline of a derivation of `network` in `notation`.
    public init(network: Network, notation: any Notation) {
        self.network = network
        self.notation = notation
    }

    /// The headings that open a section of kind `kind`.
    public func headings(before kind: Section.Kind) -> [Heading] {
        switch kind {
        case .given:
            return [Heading(level: 1, title: [.text("The network")])]
        case .forwardPass(let k):
            let layer = Heading(level: 2, title: [.text("Layer "), .layer(label(k))])
            return k == 1 ? [Heading(level: 1, title: [.text("Forward pass")]), layer] : [layer]
        case .loss:
            return [Heading(level: 2, title: [.text("Loss")])]
        case .errorDerivatives:
            return [Heading(level: 1, title: [.text("Backpropagation")]), Heading(level: 2, title: [.text("Error derivatives")])]
        case .calculate(let k):
            return [Heading(level: 2, title: [.text("Layer "), .layer(label(k))]), Heading(level: 3, title: [.text("Calculate")])]
        case .furtherCalculate:
            return [Heading(level: 3, title: [.text("Further calculate")])]
        case .weightDerivatives(let k):
            let what = network.layer(k).biases == nil ? "Weight derivatives in layer " : "Weight and bias derivatives in layer "
            return [Heading(level: 3, title: [.text(what), .layer(label(k))])]
        case .update(let k):
            return [Heading(level: 3, title: [.text("Gradient-descent update in layer "), .layer(label(k))])]
        case .propagated(let k):
            return [Heading(level: 3, title: [.text("Derivatives used in layer "), .layer(label(k - 1)), .text(" (multivariable chain rule)")])]
        }
    }

    /// The sentence that explains a section of kind `kind`.
    public func explanation(of kind: Section.Kind) -> [Phrase] {
        let n = network.depth
        switch kind {
        case .given:
            return description
        case .forwardPass(let k):
            guard k == 1 else { return [] }
            return [.text("Each pre-activation "), .math(.of(.preactivation(layer: k, neuron: 0))),
                    .text(" is the weighted sum of the previous layer's outputs; each output "),
                    .math(.of(.activation(layer: k, neuron: 0))), .text(" applies the layer's activation to it.")]
        case .loss:
            return [.text("The loss compares each output with its target"),
                    .text(network.target.count > 1 ? "; the total loss is the sum over the outputs." : ".")]
        case .errorDerivatives:
            return [.text("The backward pass starts by differentiating the loss with respect to each output.")]
        case .calculate(let k):
            var phrases: [Phrase] = [
                .text("The local derivatives of layer "), .layer(label(k)),
                .text(": the activation differentiated at each pre-activation, and each pre-activation differentiated with respect to its weights"),
            ]
            if k == 1 {
                phrases.append(.text(". The derivatives with respect to the input are not needed for the weights, so they are left out."))
            } else {
                phrases += [.text(" and the outputs of layer "), .layer(label(k - 1)), .text(".")]
            }
            return phrases
        case .furtherCalculate(let k):
            return [.text("The chain rule inside layer "), .layer(label(k)), .text(": each output "),
                    .math(.of(.activation(layer: k, neuron: 0))), .text(" depends on a weight only through its pre-activation.")]
        case .weightDerivatives(let k):
            var phrases: [Phrase] = [.text("Each derivative multiplies the error derivative "),
                                     .math(.partial(.loss, .activation(layer: k, neuron: 0)))]
            if k == n {
                phrases.append(.text(", derived from the loss,"))
            } else {
                phrases += [.text(", passed down from layer "), .layer(label(k + 1)), .text(",")]
            }
            phrases.append(.text(" by the derivative of the output found above."))
            return phrases
        case .update:
            return [.text("One step of gradient descent with learning rate "), .math(.of(.learningRate)), .text(".")]
        case .propagated(let k):
            return [.text("Each output of layer "), .layer(label(k - 1)),
                    .text(" feeds every neuron of layer "), .layer(label(k)),
                    .text(", so its error derivative sums over all of them. Layer "), .layer(label(k - 1)),
                    .text(" reuses these values instead of expanding them again.")]
        }
    }

    /// The network in one sentence: widths, activations, loss and biases.
    public var description: [Phrase] {
        let widths = network.widths.map(String.init).joined(separator: ", ")
        let activations = network.layers.map(\.activation.rawValue)
        let activationText: String
        if Set(activations).count == 1, let only = activations.first {
            activationText = "activation \(only) in every layer"
        } else {
            activationText = "activations " + activations.joined(separator: ", ") + " from the first layer to the output"
        }
        return [.text("A fully connected network with widths \(widths) from the input layer "), .layer(label(0)),
                .text(" to the output layer "), .layer(label(network.depth)),
                .text("; \(activationText); \(network.loss.rawValue) loss "),
                .math(.of(.lossTerm(neuron: 0))),
                .text(" = "), .math(network.lossExpression(neuron: 0)),
                .text(network.hasBiases ? "; with biases." : "; no biases.")]
    }

    private func label(_ layer: Int) -> String { notation.layerLabel(layer) }
}
