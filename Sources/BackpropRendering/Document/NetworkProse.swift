import BackpropKit

/// The English of a network handout: its headings and explanatory sentences, written once for every
/// format, so all formats read alike; only their syntax differs.
package struct NetworkProse: Sendable {
    /// How layers are labelled.
    package let notation: any Notation
    /// The network derived.
    package let network: Network
    /// How numbers are printed.
    package let numbers: NumberFormat
    /// How values were stored.
    package let rounding: Rounding

    /// The prose of a derivation of `network` in `notation`, printed with `numbers` from values stored as `rounding` says.
    package init(network: Network, notation: any Notation, numbers: NumberFormat = .roundTrip, rounding: Rounding = .exact) {
        self.network = network
        self.notation = notation
        self.numbers = numbers
        self.rounding = rounding
    }

    /// Which numbers the handout prints and how each step's value was computed.
    package var numberMode: String {
        if let digits = rounding.significantDigits {
            return "Every value is rounded to \(digits) significant digits, and each step is computed from the rounded values printed before it, as with a calculator: a hand calculation agrees digit for digit."
        }
        if let digits = numbers.significantDigits {
            return "Values are printed to \(digits) significant digits; each step is computed from the exact values, so the last digit of a hand calculation may differ."
        }
        return "Values are printed exactly: each is the shortest decimal that reads back as the same double, and each step's value is exactly the arithmetic shown."
    }

    /// The headings that open a section of kind `kind`.
    package func headings(before kind: Section.Kind) -> [Heading] {
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
        case .propagated(let k):
            // The chain rule sums over the neurons of layer k; with one neuron there is nothing to sum.
            let rule: [Phrase] = network.widths[k] > 1 ? [.text(" (multivariable chain rule)")] : []
            return [Heading(level: 3, title: [.text("Derivatives used in layer "), .layer(label(k - 1))] + rule)]
        case .update(let k):
            let layer = Heading(level: 2, title: [.text("Update of layer "), .layer(label(k))])
            return k == 1 ? [Heading(level: 1, title: [.text("Gradient-descent step")]), layer] : [layer]
        case .updatedForwardPass(let k):
            let layer = Heading(level: 2, title: [.text("Layer "), .layer(label(k))])
            return k == 1 ? [Heading(level: 1, title: [.text("Second forward pass, through the updated weights")]), layer] : [layer]
        case .updatedLoss:
            return [Heading(level: 2, title: [.text("Loss after the update")])]
        }
    }

    /// The sentence that explains a section of kind `kind`.
    package func explanation(of kind: Section.Kind) -> [Phrase] {
        let n = network.depth
        switch kind {
        case .given:
            return description + [.text(" " + numberMode)]
        case .forwardPass(let k):
            guard k == 1 else { return [] }
            return [.text("Each pre-activation "), .math(.of(.preactivation(layer: k, neuron: AnyIndex.neuron))),
                    .text(" is the weighted sum of the previous layer's outputs; each output "),
                    .math(.of(.activation(layer: k, neuron: AnyIndex.neuron))), .text(" applies the layer's activation to it.")]
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
                    .math(.of(.activation(layer: k, neuron: AnyIndex.neuron))), .text(" depends on a weight only through its pre-activation.")]
        case .weightDerivatives(let k):
            let j = AnyIndex.neuron
            var phrases: [Phrase] = [.text("First the derivative "), .math(.partial(.loss, .preactivation(layer: k, neuron: j))),
                                     .text(" of each pre-activation, the factor every weight into neuron "), .layer(label(k, neuron: j)),
                                     .text(" shares. Then each weight's derivative multiplies the error derivative "),
                                     .math(.partial(.loss, .activation(layer: k, neuron: j)))]
            if k == n {
                phrases.append(.text(", derived from the loss,"))
            } else {
                phrases += [.text(", passed down from layer "), .layer(label(k + 1)), .text(",")]
            }
            phrases += [.text(" by the derivative of the output found above; the product is also "),
                        .math(.partial(.loss, .preactivation(layer: k, neuron: j))), .text(" times the weight's input.")]
            return phrases
        case .update(let k):
            guard k == 1 else { return [] }
            let weight = Symbol.generic(.weight(layer: 0, from: 0, to: 0))
            return [.text("The backward pass above used the old weights throughout: every derivative was taken at the weights of the forward pass. Only now, with all of them known, does each weight take one step of gradient descent with learning rate "),
                    .math(.of(.learningRate)), .text(", "),
                    .equation(.of(.afterUpdate(weight)), .sum([.of(weight), .negation(.product([.of(.learningRate), .partial(.loss, weight)]))])),
                    .text(network.hasBiases ? ", and each bias likewise." : ".")]
        case .updatedForwardPass(let k):
            guard k == 1 else { return [] }
            let (f, o) = (Symbol.generic(.preactivation(layer: 1, neuron: 0)), Symbol.generic(.activation(layer: 1, neuron: 0)))
            let updated: [Phrase] = [.math(.of(.afterUpdate(f))), .text(", "), .math(.of(.afterUpdate(o))), .text(" and "),
                                     .math(.of(.afterUpdate(.loss))), .text(".")]
            return [.text("The same forward pass again, with the same input and targets, through the updated weights"),
                    .text(network.hasBiases ? " and biases" : ""), .text("; what it computes is marked with a +: ")] + updated
        case .updatedLoss:
            return [.text("The loss through the updated weights, and the change "),
                    .math(.sum([.of(.afterUpdate(.loss)), .negation(.of(.loss))])),
                    .text(" the step made: negative when gradient descent lowered the loss.")]
        case .propagated(let k):
            return [.text("Each output of layer "), .layer(label(k - 1)),
                    .text(" feeds every neuron of layer "), .layer(label(k)),
                    .text(", so its error derivative sums over all of them. Layer "), .layer(label(k - 1)),
                    .text(" reuses these values instead of expanding them again.")]
        }
    }

    // MARK: - Pictures

    /// The heading of the four pictures.
    package var picturesHeading: Heading { Heading(level: 1, title: [.text("Backpropagation in four pictures")]) }

    /// What the four pictures show.
    package var picturesExplanation: [Phrase] {
        [.text("The four diagrams of \u{201C}Backpropagation in four diagrams\u{201D}, drawn for this network with its values: one neuron forward, one neuron backward, the cost, and the whole backward pass, each layer's error derivatives in that layer's colour.")]
    }

    // MARK: - Matrix form

    /// The heading of the matrix form.
    package var matrixFormHeading: Heading { Heading(level: 1, title: [.text("Matrix form")]) }

    /// The heading of one layer of the matrix form.
    package func matrixLayerHeading(_ k: Int) -> Heading { Heading(level: 2, title: [.text("Layer "), .layer(label(k))]) }

    /// What the matrix form is, and the order of a weight matrix's indices.
    package var matrixFormExplanation: [Phrase] {
        let (j, i) = (label(AnyIndex.layer, neuron: AnyIndex.neuron), label(AnyIndex.previousLayer, neuron: AnyIndex.source))
        return [
            .text("The same derivation, one layer at a time, with vectors and matrices: the errors of a layer come from the errors of the layer above through the transposed weights, multiplied entry by entry (the Hadamard product) by the activation's derivative; the weight gradient is the outer product of the errors with the previous layer's outputs. One entry of each result is tied back to the scalar step it summarises. Vectors are columns with one entry per neuron. The weight matrix "),
            .matrix(.weights(layer: AnyIndex.layer)), .text(" has a row for each neuron of layer "), .layer(label(AnyIndex.layer)),
            .text(" and a column for each neuron of layer "), .layer(label(AnyIndex.previousLayer)), .text(": row "), .layer(j),
            .text(" holds the weights into neuron "), .layer(j), .text(", so the entry in row "), .layer(j), .text(" and column "), .layer(i),
            .text(" is "), .math(.of(.weight(layer: AnyIndex.previousLayer, from: AnyIndex.source, to: AnyIndex.neuron))),
            .text(", and the same entry of "), .matrix(.weightGradient(layer: AnyIndex.layer)), .text(" is its derivative."),
        ]
    }

    /// The size of every vector and matrix of a step of the matrix form, rows by columns.
    package func matrixShapes(_ step: VectorizedStep) -> [Phrase] {
        var shapes: [(quantity: MatrixQuantity, rows: Int, columns: Int)] = [(step.quantity, step.value.rowCount, step.value.columnCount)]
        func collect(_ formula: MatrixExpression, _ substituted: MatrixExpression) {
            switch (formula, substituted) {
            case (.quantity(let quantity), .value(let matrix)):
                if !shapes.contains(where: { $0.quantity == quantity }) { shapes.append((quantity, matrix.rowCount, matrix.columnCount)) }
            case (.transpose(let formula), .transpose(let substituted)):
                collect(formula, substituted)
            case (.product(let left, let right), .product(let leftValue, let rightValue)),
                 (.hadamard(let left, let right), .hadamard(let leftValue, let rightValue)):
                collect(left, leftValue)
                collect(right, rightValue)
            default:
                break
            }
        }
        collect(step.formula, step.substituted)
        var phrases: [Phrase] = [.text("Sizes, rows by columns: ")]
        for (index, shape) in shapes.enumerated() {
            if index > 0 { phrases.append(.text(index == shapes.count - 1 ? " and " : ", ")) }
            phrases += [.matrix(shape.quantity), .text(" \(shape.rows) by \(shape.columns)")]
        }
        phrases.append(.text("."))
        return phrases
    }

    /// A remark on a matrix step, such as why softmax goes through its Jacobian.
    package func matrixRemark(_ step: VectorizedStep) -> [Phrase] {
        switch step.kind {
        case .outputErrorThroughJacobian, .hiddenErrorThroughJacobian:
            return [.text("Softmax couples the outputs of its layer, so its derivative is a full Jacobian matrix rather than one factor per neuron, and the entry-by-entry product becomes a product with the transposed Jacobian.")]
        default:
            return []
        }
    }

    // MARK: - Exercises

    /// What a student is asked to do on an exercise sheet.
    package var exerciseInstructions: [Phrase] {
        [.text("Fill in the blanks, each as long as its answer. The first step of every section is worked for you. The picture and the tables below give every weight; the answers are in a separate key.")]
    }

    /// The question of layer k on an exercise sheet: the chain rule of one weight written out to its three factors.
    package func question(layer k: Int) -> [Phrase] {
        [.text("Question: write "), .math(.partial(.loss, .weight(layer: k - 1, from: 0, to: 0))),
         .text(" as a product of three factors: the error derivative of the output the weight feeds, the derivative of that neuron's activation, and the output the weight carries.")]
    }

    /// The heading of the questions' answers in a key.
    package var questionsHeading: Heading { Heading(level: 2, title: [.text("Questions")]) }

    /// The heading of an answer key.
    package var answerKeyHeading: Heading { Heading(level: 1, title: [.text("Answer key")]) }

    /// The heading of one section's answers in a key, naming the layer it belongs to.
    package func answerHeading(_ kind: Section.Kind) -> Heading {
        let title: [Phrase]
        switch kind {
        case .given: title = [.text("The network")]
        case .forwardPass(let k): title = [.text("Forward pass, layer "), .layer(label(k))]
        case .loss: title = [.text("Loss")]
        case .errorDerivatives: title = [.text("Error derivatives")]
        case .calculate(let k): title = [.text("Layer "), .layer(label(k)), .text(", calculate")]
        case .furtherCalculate(let k): title = [.text("Layer "), .layer(label(k)), .text(", further calculate")]
        case .weightDerivatives(let k): title = [.text("Layer "), .layer(label(k)), .text(", weight derivatives")]
        case .propagated(let k): title = [.text("Layer "), .layer(label(k)), .text(", derivatives used in layer "), .layer(label(k - 1))]
        case .update(let k): title = [.text("Layer "), .layer(label(k)), .text(", update")]
        case .updatedForwardPass(let k): title = [.text("Second forward pass, layer "), .layer(label(k))]
        case .updatedLoss: title = [.text("Loss after the update")]
        }
        return Heading(level: 2, title: title)
    }

    // MARK: - Closing sections

    /// The heading of the gradient sizes by layer.
    package var summaryHeading: Heading { Heading(level: 1, title: [.text("Gradient sizes by layer")]) }

    /// The heading of the gradient check.
    package var checkHeading: Heading { Heading(level: 1, title: [.text("Gradient check")]) }

    /// The largest weight derivative and activation derivative of every layer.
    package func summaryTable(_ summary: GradientSummary) -> Table {
        Table(columns: [.text("Layer"), .phrases([.text("largest "), .math(.apply(.abs, weightGradient))]),
                        .phrases([.text("largest "), .math(.apply(.abs, activationDerivative))])], rows: summary.layers.reversed().map { layer in
            let figure = NumberFormat(significantDigits: 3)
            return [.phrases([.layer(label(layer.layer))]), .number(figure.rounded(layer.largestWeightGradient)),
                    .number(figure.rounded(layer.largestActivationDerivative))]
        })
    }

    /// What the gradient sizes say: a remark when they shrink or grow by orders of magnitude towards the input.
    package func summaryExplanation(_ summary: GradientSummary) -> [Phrase] {
        var phrases: [Phrase] = [.text("The largest weight derivative of each layer, from the output back to the first layer, and the largest derivative of its activation.")]
        guard summary.isRemarkable, let orders = summary.ordersOfMagnitude, let first = summary.layers.first else { return phrases }
        let size = Int(Swift.abs(orders).rounded())
        let product = Phrase.math(.constant(NumberFormat(significantDigits: 2).rounded(summary.activationDerivativeProduct)))
        let span: [Phrase] = [.text(" from layer "), .layer(label(network.depth)), .text(" to layer "), .layer(label(first.layer))]
        if orders < 0 {
            phrases += [.text(" The gradients vanish:")] + span + [
                .text(" the largest weight derivative shrinks by about \(size) orders of magnitude. On its way down the error is multiplied in every layer by the activation's derivative "),
                .math(activationDerivative), .text(" (at most 1/4 for the sigmoid) and by the weights; here the product of the largest such factors below the output is "),
                product, .text(". This is the vanishing gradient problem: the first layers barely learn."),
            ]
        } else {
            phrases += [.text(" The gradients explode:")] + span + [
                .text(" the largest weight derivative grows by about \(size) orders of magnitude, because the weights and the activation derivatives "),
                .math(activationDerivative), .text(" multiply the error by more than 1 in every layer (the product of the largest such factors below the output is "),
                product, .text("). This is the exploding gradient problem."),
            ]
        }
        return phrases
    }

    /// ∂δ/∂w for any weight, in the handout's notation.
    private var weightGradient: Expression { .partial(.loss, .generic(.weight(layer: 0, from: 0, to: 0))) }
    /// ∂o/∂f, the activation's derivative g′(f) for any neuron, in the handout's notation.
    private var activationDerivative: Expression {
        .partial(.generic(.activation(layer: 1, neuron: 0)), .generic(.preactivation(layer: 1, neuron: 0)))
    }

    /// The check's table: each parameter, its derivative, the finite-difference estimate, the relative error and a mark.
    package func checkTable(_ check: GradientCheck) -> Table {
        Table(columns: [.text("Parameter"), .text("derivation"), .text("finite difference"), .text("relative error"), .text("pass")], rows: check.entries.map { entry in
            [.math(.partial(.loss, entry.parameter)), .number(entry.derived), .number(entry.estimated),
             .number(NumberFormat(significantDigits: 2).rounded(entry.relativeError)), .text(entry.passes ? "✓" : "✗")]
        })
    }

    /// What the gradient check did and found.
    package func checkExplanation(_ check: GradientCheck) -> [Phrase] {
        let passed = check.entries.filter(\.passes).count
        let (x, h, a, b) = (Expression.symbol(.variable("x")), Expression.symbol(.variable("h")), Expression.symbol(.variable("a")),
                            Expression.symbol(.variable("b")))
        func loss(_ step: Double) -> Expression { .application(.quantity(.loss), [x + .constant(step) * h]) }
        let difference = (8 * (loss(1) - loss(-1)) - (loss(2) - loss(-2))) / (12 * h)
        let tolerance = NumberFormat.roundTrip.parts(GradientCheck.tolerance).exponent
        var phrases: [Phrase] = [
            .text("Each derivative above beside the fourth-order central difference "), .math(difference),
            .text(" with "), .equation(h, .power(10, -4) * .application(.maximum, [1, .apply(.abs, x)])),
            .text(". An entry passes when the relative error "),
            .math(.apply(.abs, a - b) / .application(.maximum, [.apply(.abs, a), .apply(.abs, b)])),
            .text(" (0 when both are 0) is below "), .math(.power(10, .constant(Double(tolerance)))),
            .text(": \(passed) of \(check.entries.count) pass; the largest relative error is "),
            .math(.constant(NumberFormat(significantDigits: 2).rounded(check.largestRelativeError))), .text("."),
        ]
        if let digits = rounding.significantDigits {
            phrases += [.text(" The derivation's values are rounded to \(digits) significant digits here, so relative errors near "),
                        .math(.power(10, .constant(Double(-digits)))), .text(" come from that rounding, not from a mistake.")]
        }
        return phrases
    }

    // MARK: - Description

    /// The network in one sentence: widths, activations, loss and biases.
    package var description: [Phrase] {
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
                .equation(.of(.lossTerm(neuron: AnyIndex.neuron)),
                          network.loss.expression(output: .of(.activation(layer: network.depth, neuron: AnyIndex.neuron)),
                                                  target: .of(.target(neuron: AnyIndex.neuron)))),
                .text(network.hasBiases ? "; with biases." : "; no biases.")]
    }

    /// The printed label of layer `layer`, such as `n-1`.
    func label(_ layer: Int) -> String { notation.layerLabel(layer) }

    /// The printed index of `neuron` of layer `layer`: its number, or its letter for ``AnyIndex``.
    private func label(_ layer: Int, neuron: Int) -> String {
        notation.name(of: .preactivation(layer: layer, neuron: neuron)).subscripts.last ?? ""
    }
}
