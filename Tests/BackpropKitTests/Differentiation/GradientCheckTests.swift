import Foundation
import TestSupport
import Testing
@testable import BackpropKit

/// Checks ``Backpropagation`` against finite differences of the loss on a few hundred random networks.
///
/// The loss used for the finite differences is computed by ``TreeEvaluator`` from the network's expression
/// trees, layer by layer, with `Expression.evaluate` — not by ``ForwardPass`` — so a mistake in the forward
/// pass, in the symbolic derivatives or in the backward pass's bookkeeping shows up as a mismatch.
@Suite struct GradientCheckTests {
    // MARK: - Random networks

    /// The output activations each loss is checked with: cross-entropy needs outputs in (0, 1), so it gets
    /// sigmoid or softmax (of at least two neurons); categorical cross-entropy gets softmax.
    static let outputPairings: [(Loss, Activation)] =
        [Loss.squared, .halfSquared].flatMap { loss in Activation.allCases.map { (loss, $0) } }
        + [(.crossEntropy, .sigmoid), (.crossEntropy, .softmax), (.categoricalCrossEntropy, .softmax)]

    static let hiddenActivations = Activation.allCases.filter { $0 != .softmax }

    /// A random network: depth 1–5, widths 1–4, weights and inputs in [−1, 1], biases in [−0.5, 0.5]
    /// on all, none or some layers, and a learning rate half of the time.
    static func randomNetwork(loss: Loss, output: Activation, using rng: inout SplitMix64) throws -> Network {
        let depth = Int.random(in: 1...5, using: &rng)
        var widths = (0...depth).map { _ in Int.random(in: 1...4, using: &rng) }
        if output == .softmax && loss == .crossEntropy { widths[depth] = Int.random(in: 2...4, using: &rng) }
        let biasMode = Int.random(in: 0..<3, using: &rng)  // 0: none, 1: every layer, 2: each layer at random
        var layers: [Layer] = []
        for k in 1...depth {
            let activation = k == depth ? output : hiddenActivations.randomElement(using: &rng)!
            let weights = (0..<widths[k - 1]).map { _ in
                (0..<widths[k]).map { _ in Double.random(in: -1...1, using: &rng) }
            }
            let hasBiases = biasMode == 1 || (biasMode == 2 && Bool.random(using: &rng))
            let biases = hasBiases ? (0..<widths[k]).map { _ in Double.random(in: -0.5...0.5, using: &rng) } : nil
            layers.append(Layer(activation: activation, weights: weights, biases: biases))
        }
        let input = (0..<widths[0]).map { _ in Double.random(in: -1...1, using: &rng) }
        let width = widths[depth]
        let target: [Double]
        switch loss {
        case .squared, .halfSquared:
            target = (0..<width).map { _ in Double.random(in: -1...1, using: &rng) }
        case .crossEntropy:
            target = (0..<width).map { _ in [0, 1, Double.random(in: 0...1, using: &rng)].randomElement(using: &rng)! }
        case .categoricalCrossEntropy:
            if Bool.random(using: &rng) {
                let hot = Int.random(in: 0..<width, using: &rng)
                target = (0..<width).map { $0 == hot ? 1 : 0 }
            } else {
                let weights = (0..<width).map { _ in Double.random(in: 0.05...1, using: &rng) }
                let total = weights.reduce(0, +)
                target = weights.map { $0 / total }
            }
        }
        let learningRate = Bool.random(using: &rng) ? Double.random(in: 0.01...1, using: &rng) : nil
        return try Network(layers: layers, input: input, target: target, loss: loss, learningRate: learningRate)
    }

    // MARK: - Tolerance

    /// The comparison of an analytic gradient `a` with its finite difference `b`:
    ///
    ///     |a − b| ≤ 1e-6 · max(|a|, |b|, 1e-3)
    ///
    /// — 1e-6 relative error, and 1e-9 absolute for gradients below 1e-3. The finite difference is the
    /// fourth-order central difference (see ``FiniteDifference``) with h = 1e-4 · max(1, |x|): its truncation
    /// error h⁴ f⁽⁵⁾/30 is ~1e-18, and its rounding error is about 1.5 · (a few ε |loss|) / h ≈ 1e-11 · |loss|
    /// (ε ≈ 2.2e-16), since each loss it combines carries a rounding error of a few ε |loss|. That stays
    /// below the 1e-9 floor as long as the loss is below ~100, which ``backpropagationMatchesFiniteDifferencesOnRandomNetworks()``
    /// asserts of the networks it draws; the largest error seen with the fixed seed is ~1% of this tolerance.
    /// (A second-order difference would need h ≈ 1e-5 and leave errors near 1e-10, too close to the floor.)
    /// The one exception to the step is an output o of a cross-entropy loss, nudged by 1e-4 · min(o, 1 − o)
    /// (categorical: 1e-4 · min(1, o)) so the stencil stays inside (0, 1) and, the loss's k-th derivative
    /// growing like 1/(1 − o)^k, the relative truncation error stays ~1e-16.
    static func agrees(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-3)
    }

    /// Pre-activations of relu and leaky-relu layers closer than this to the kink at 0 make a network be skipped:
    /// the loss is not differentiable there, and not smooth enough nearby for a finite difference.
    static let kinkMargin = 1e-4

    // MARK: - The check

    struct Statistics {
        var drawn = 0, checked = 0, skippedForKinks = 0, comparisons = 0
        var hiddenActivations: Set<Activation> = [], outputActivations: Set<Activation> = [], losses: Set<Loss> = []
        var pairings: Set<String> = [], depths: Set<Int> = [], widths: Set<Int> = []
        var withBiases = 0, withoutBiases = 0, withBiaslessLayers = 0, withLearningRate = 0, withoutLearningRate = 0
        var largestLoss = 0.0
        var probabilityTargets = 0, oneHotTargets = 0
    }

    @Test func backpropagationMatchesFiniteDifferencesOnRandomNetworks() async throws {
        var rng = SplitMix64(seed: 0x5EED_BAC4_9409)
        let networks = try (0..<300).map { draw in
            let (loss, output) = Self.outputPairings[draw % Self.outputPairings.count]
            return try Self.randomNetwork(loss: loss, output: output, using: &rng)
        }
        // Checked in two interleaved halves, one per core; each outcome is the number of comparisons made,
        // or nil for a network skipped for a relu kink.
        let outcomes = try await withThrowingTaskGroup(of: [(Int, Int?)].self) { group in
            for half in 0..<2 {
                group.addTask {
                    try stride(from: half, to: networks.count, by: 2).map { ($0, try Self.check(networks[$0])) }
                }
            }
            var outcomes = [Int?](repeating: nil, count: networks.count)
            for try await results in group {
                for (index, outcome) in results { outcomes[index] = outcome }
            }
            return outcomes
        }

        var statistics = Statistics()
        for (network, outcome) in zip(networks, outcomes) {
            statistics.drawn += 1
            guard let comparisons = outcome else {
                statistics.skippedForKinks += 1
                continue
            }
            let output = network.layer(network.depth).activation
            statistics.checked += 1
            statistics.comparisons += comparisons
            statistics.largestLoss = max(statistics.largestLoss, try ForwardPass(network: network).loss)
            statistics.hiddenActivations.formUnion(network.layers.dropLast().map(\.activation))
            statistics.outputActivations.insert(output)
            statistics.losses.insert(network.loss)
            statistics.pairings.insert("\(network.loss.rawValue)/\(output.rawValue)")
            statistics.depths.insert(network.depth)
            statistics.widths.formUnion(network.widths)
            if network.hasBiases { statistics.withBiases += 1 } else { statistics.withoutBiases += 1 }
            if network.layers.contains(where: { $0.biases == nil }) { statistics.withBiaslessLayers += 1 }
            if network.learningRate != nil { statistics.withLearningRate += 1 } else { statistics.withoutLearningRate += 1 }
            if network.loss == .categoricalCrossEntropy {
                if network.target.contains(where: { $0 != 0 && $0 != 1 }) { statistics.probabilityTargets += 1 }
                else { statistics.oneHotTargets += 1 }
            }
        }
        #expect(statistics.checked >= 250, "only \(statistics.checked) of \(statistics.drawn) networks were checked")
        #expect(statistics.hiddenActivations == Set(Self.hiddenActivations))
        #expect(statistics.outputActivations == Set(Activation.allCases))
        #expect(statistics.losses == Set(Loss.allCases))
        #expect(statistics.pairings.count == Self.outputPairings.count)
        #expect(statistics.depths == Set(1...5))
        #expect(statistics.widths == Set(1...4))
        #expect(statistics.withBiases > 0 && statistics.withoutBiases > 0 && statistics.withBiaslessLayers > statistics.withoutBiases)
        #expect(statistics.withLearningRate > 0 && statistics.withoutLearningRate > 0)
        #expect(statistics.probabilityTargets > 0 && statistics.oneHotTargets > 0)
        #expect(statistics.comparisons > 10_000)
        #expect(statistics.largestLoss < 100, "the tolerance of agrees(_:_:) assumes losses below 100")
    }

    /// Checks every gradient of `network`: ∂δ/∂w, ∂δ/∂b, ∂δ/∂f and ∂δ/∂o of every layer, ∂δ/∂o_0 of the input,
    /// and the gradient-descent update. Returns the number of finite-difference comparisons made, or `nil` when
    /// the network is skipped because a relu or leaky-relu pre-activation is within ``kinkMargin`` of 0, or
    /// crosses 0 at one of the points of a finite-difference stencil (where the difference would straddle the kink).
    static func check(_ network: Network) throws -> Int? {
        let evaluator = TreeEvaluator(network: network)
        let base = try evaluator.evaluate()
        if base.distanceToKink < kinkMargin { return nil }

        let backpropagation = try Backpropagation(network: network)
        let forward = backpropagation.forward
        // The independent evaluation agrees with the forward pass.
        #expect(isClose(base.loss, forward.loss, relative: 1e-12, floor: 1e-300), "loss \(base.loss) vs \(forward.loss) for \(network)")
        for k in 1...network.depth {
            for j in 0..<network.layer(k).width {
                #expect(isClose(base.activations[k][j], forward.activations[k][j], relative: 1e-12, floor: 1e-300))
                #expect(isClose(base.preactivations[k][j], forward.preactivations[k][j], relative: 1e-12, floor: 1e-300))
            }
        }

        var comparisons = 0
        var failures: [String] = []
        var crossedKink = false
        /// Compares `analytic` with the finite difference of the loss with respect to `symbol`, nudged by steps of `h`.
        func compare(_ analytic: Double, _ symbol: Symbol, step h: Double, _ label: @autoclosure () -> String) throws {
            let numeric = try FiniteDifference.derivative(at: 0, step: h) { offset in
                let nudged = try evaluator.evaluate(nudging: symbol, by: offset, reusing: base)
                if nudged.kinkSigns != base.kinkSigns { crossedKink = true }
                return nudged.loss
            }
            comparisons += 1
            if !agrees(analytic, numeric) {
                failures.append("\(label()): backpropagation \(analytic), finite difference \(numeric)")
            }
        }

        for k in 1...network.depth {
            let layer = network.layer(k)
            let gradients = backpropagation.gradients(ofLayer: k)
            #expect(gradients.layer == k)
            for i in 0..<layer.inputWidth {
                for j in 0..<layer.width {
                    let w = layer.weights[i][j]
                    try compare(gradients.weightGradient[i][j], .weight(layer: k - 1, from: i, to: j),
                                step: FiniteDifference.step(at: w), "∂δ/∂w[\(k - 1)][\(i)][\(j)]")
                }
            }
            if let biases = layer.biases {
                let biasGradient = try #require(gradients.biasGradient)
                for j in biases.indices {
                    try compare(biasGradient[j], .bias(layer: k, neuron: j),
                                step: FiniteDifference.step(at: biases[j]), "∂δ/∂b[\(k)][\(j)]")
                }
            } else {
                #expect(gradients.biasGradient == nil)
            }
            for j in 0..<layer.width {
                // ∂δ/∂f_{k,j}: nudge the pre-activation itself (what a bias would do, also for layers without one).
                try compare(gradients.preactivationGradient[j], .preactivation(layer: k, neuron: j),
                            step: FiniteDifference.step(at: base.preactivations[k][j]), "∂δ/∂f[\(k)][\(j)]")
                // ∂δ/∂o_{k,j}: nudge the activation, keeping the outputs of a probability loss inside (0, 1).
                let o = base.activations[k][j]
                var h = FiniteDifference.step(at: o)
                if k == network.depth && network.loss == .crossEntropy { h = 1e-4 * min(o, 1 - o) }
                if k == network.depth && network.loss == .categoricalCrossEntropy { h = 1e-4 * min(1, o) }
                try compare(gradients.outputGradient[j], .activation(layer: k, neuron: j), step: h, "∂δ/∂o[\(k)][\(j)]")
            }
            try checkUpdate(of: layer, gradients, learningRate: network.learningRate)
        }
        for i in network.input.indices {
            try compare(backpropagation.inputGradient[i], .activation(layer: 0, neuron: i),
                        step: FiniteDifference.step(at: network.input[i]), "∂δ/∂o[0][\(i)]")
        }
        #expect(backpropagation.lossGradient == backpropagation.gradients(ofLayer: network.depth).outputGradient)
        #expect(backpropagation.inputGradient.count == network.input.count)

        if crossedKink { return nil }
        if !failures.isEmpty {
            Issue.record("""
                \(failures.count) of \(comparisons) gradients disagree (loss \(base.loss)) for \(network):
                \(failures.prefix(8).joined(separator: "\n"))
                """)
        }
        return comparisons
    }

    /// w⁺ = w − η ∂δ/∂w and b⁺ = b − η ∂δ/∂b when a learning rate is given; nothing otherwise.
    static func checkUpdate(of layer: Layer, _ gradients: LayerGradients, learningRate: Double?) throws {
        guard let eta = learningRate else {
            #expect(gradients.updatedWeights == nil)
            #expect(gradients.updatedBiases == nil)
            return
        }
        let updatedWeights = try #require(gradients.updatedWeights)
        for i in 0..<layer.inputWidth {
            for j in 0..<layer.width {
                let expected = layer.weights[i][j] - eta * gradients.weightGradient[i][j]
                #expect(isClose(updatedWeights[i][j], expected, relative: 1e-15, floor: 1e-300))
            }
        }
        if let biases = layer.biases {
            let updatedBiases = try #require(gradients.updatedBiases)
            let biasGradient = try #require(gradients.biasGradient)
            for j in biases.indices {
                #expect(isClose(updatedBiases[j], biases[j] - eta * biasGradient[j], relative: 1e-15, floor: 1e-300))
            }
        } else {
            #expect(gradients.updatedBiases == nil)
        }
    }

    // MARK: - The note's network

    /// The 2-2-2-1 sigmoid network with a squared loss, worked by hand: the last layer's numbers follow from
    /// plain arithmetic on the forward pass.
    @Test func noteNetworkLastLayerByHand() throws {
        let w1 = [[0.15, 0.25], [0.2, 0.3]], w2 = [[0.4, 0.5], [0.45, 0.55]], w3 = [[0.6], [-0.7]]
        let input = [0.05, 0.1], t = 0.01, eta = 0.5
        let network = try Network(
            layers: [
                Layer(activation: .sigmoid, weights: w1),
                Layer(activation: .sigmoid, weights: w2),
                Layer(activation: .sigmoid, weights: w3),
            ],
            input: input, target: [t], loss: .squared, learningRate: eta)
        let backpropagation = try Backpropagation(network: network)

        func sigma(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        let f1 = [w1[0][0] * input[0] + w1[1][0] * input[1], w1[0][1] * input[0] + w1[1][1] * input[1]]
        let o1 = f1.map(sigma)
        let f2 = [w2[0][0] * o1[0] + w2[1][0] * o1[1], w2[0][1] * o1[0] + w2[1][1] * o1[1]]
        let o2 = f2.map(sigma)
        let f3 = w3[0][0] * o2[0] + w3[1][0] * o2[1]
        let o3 = sigma(f3)
        let loss = (o3 - t) * (o3 - t)
        let dLossdO3 = 2 * (o3 - t)              // ∂δ/∂o_n = 2(o_n − t)
        let dO3dF3 = o3 * (1 - o3)               // ∂o_n/∂f_n = σ(f_n)(1 − σ(f_n))
        let dLossdF3 = dLossdO3 * dO3dF3
        let dLossdW3 = [dLossdF3 * o2[0], dLossdF3 * o2[1]]          // ∂δ/∂w_{n-1,i,1} = ∂δ/∂f_n · o_{n-1,i}
        let dLossdO2 = [dLossdF3 * w3[0][0], dLossdF3 * w3[1][0]]    // ∂δ/∂o_{n-1,i} = ∂δ/∂f_n · w_{n-1,i,1}

        func expectClose(_ actual: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(isClose(actual, expected, relative: 1e-12, floor: 1e-300), "\(actual) ≠ \(expected)",
                    sourceLocation: sourceLocation)
        }
        let forward = backpropagation.forward
        expectClose(forward.preactivations[3][0], f3)
        expectClose(forward.activations[3][0], o3)
        expectClose(forward.loss, loss)
        expectClose(forward.lossTerms[0], loss)
        expectClose(backpropagation.lossGradient[0], dLossdO3)

        let last = backpropagation.gradients(ofLayer: 3)
        #expect(last.activationDerivatives.count == 1)
        #expect(last.activationDerivatives[0].map(\.neuron) == [0])
        expectClose(last.activationDerivatives[0][0].value, dO3dF3)
        expectClose(last.outputGradient[0], dLossdO3)
        expectClose(last.preactivationGradient[0], dLossdF3)
        for i in 0..<2 {
            expectClose(last.outputByWeight[0][i][0], dO3dF3 * o2[i])
            expectClose(last.outputByPreviousOutput[0][i], dO3dF3 * w3[i][0])
            expectClose(last.weightGradient[i][0], dLossdW3[i])
            expectClose(last.previousOutputGradient[i], dLossdO2[i])
            expectClose(try #require(last.updatedWeights)[i][0], w3[i][0] - eta * dLossdW3[i])
        }
        #expect(last.biasGradient == nil)
        #expect(last.updatedBiases == nil)
        // The layer below receives ∂δ/∂o_{n-1,i} from the last layer.
        #expect(backpropagation.gradients(ofLayer: 2).outputGradient == last.previousOutputGradient)
        // Sanity of the hand-picked numbers: the loss is visibly positive and the output not saturated.
        #expect(loss > 0.1 && o3 > 0.4 && o3 < 0.6)
    }

    @Test func softmaxLayerCouplesEveryNeuron() throws {
        let network = try Network(
            layers: [Layer(activation: .softmax, weights: [[0.2, -0.4, 0.9]], biases: [0, 0.1, -0.1])],
            input: [1.5], target: [0, 1, 0], loss: .categoricalCrossEntropy)
        let backpropagation = try Backpropagation(network: network)
        let layer = backpropagation.gradients(ofLayer: 1)
        let s = backpropagation.forward.activations[1]
        for j in 0..<3 {
            #expect(layer.activationDerivatives[j].map(\.neuron) == [0, 1, 2])
            for m in 0..<3 {
                let expected = s[j] * ((j == m ? 1 : 0) - s[m])
                #expect(isClose(layer.activationDerivatives[j][m].value, expected, relative: 1e-14))
            }
        }
        // Softmax with categorical cross-entropy: ∂δ/∂f_m = s_m − t_m.
        for m in 0..<3 {
            #expect(isClose(layer.preactivationGradient[m], s[m] - network.target[m], relative: 1e-12))
        }
    }

    @Test func saturatedCrossEntropyIsNotComputable() throws {
        // σ(40) rounds to 1, so log(1 − o) is undefined: an error, not a NaN in the numbers.
        let network = try Network(
            layers: [Layer(activation: .sigmoid, weights: [[40]])], input: [1], target: [0.5], loss: .crossEntropy)
        #expect {
            try Backpropagation(network: network)
        } throws: { error in
            guard case NetworkError.notComputable = error else { return false }
            return true
        }
    }
}

/// Evaluates a network's loss from its expression trees (``Network/preactivationExpression(layer:neuron:)``,
/// ``Network/activationExpression(layer:neuron:)``, ``Network/lossExpression(neuron:)``) with
/// `Expression.evaluate`, binding the symbols layer by layer, optionally nudging one quantity.
struct TreeEvaluator {
    let network: Network
    /// `[k][j]` for layers k = 1...N; index 0 is empty.
    let preactivationTrees: [[Expression]]
    let activationTrees: [[Expression]]
    let lossTrees: [Expression]

    init(network: Network) {
        self.network = network
        preactivationTrees = [[]] + (1...network.depth).map { k in
            (0..<network.layer(k).width).map { network.preactivationExpression(layer: k, neuron: $0) }
        }
        activationTrees = [[]] + (1...network.depth).map { k in
            (0..<network.layer(k).width).map { network.activationExpression(layer: k, neuron: $0) }
        }
        lossTrees = network.target.indices.map { network.lossExpression(neuron: $0) }
    }

    struct Evaluation {
        var loss = 0.0
        /// `[k][j]`, index 0 empty.
        var preactivations: [[Double]] = [[]]
        /// `[k][j]`, index 0 the input.
        var activations: [[Double]] = []
        /// Which relu and leaky-relu pre-activations are positive: the side of the kink each is on.
        var kinkSigns: [Bool] = []
        /// The smallest |f| over relu and leaky-relu layers (∞ without such layers).
        var distanceToKink = Double.infinity
    }

    /// The loss and every value of the network, with `offset` added to `symbol`: to a weight, bias, input or
    /// target before the evaluation, to a pre-activation or activation of layer k ≥ 1 as soon as it is computed.
    /// - Parameter base: The unnudged evaluation, whose layers below the nudged quantity are reused.
    func evaluate(nudging symbol: Symbol? = nil, by offset: Double = 0, reusing base: Evaluation? = nil) throws -> Evaluation {
        var weights = network.layers.map(\.weights)  // [k − 1][i][j]
        var biases = network.layers.map(\.biases)    // [k − 1][j]
        var input = network.input, target = network.target
        var first = 1  // the lowest layer the nudge changes
        switch symbol {
        case .weight(let l, let i, let j)?: weights[l][i][j] += offset; first = l + 1
        case .bias(let k, let j)?: biases[k - 1]![j] += offset; first = k
        case .activation(0, let i)?: input[i] += offset
        case .activation(let k, _)?, .preactivation(let k, _)?: first = k
        case .target(let j)?: target[j] += offset; first = network.depth + 1
        default: break
        }

        var evaluation = Evaluation()
        if let base, first > 1 {
            evaluation.preactivations = Array(base.preactivations[..<first])
            evaluation.activations = Array(base.activations[..<first])
        } else {
            first = 1
            evaluation.activations = [input]
        }
        func value(of symbol: Symbol) -> Double? {
            switch symbol {
            case .weight(let l, let i, let j): return weights.element(l)?.element(i)?.element(j)
            case .bias(let k, let j): return biases.element(k - 1)??.element(j)
            case .preactivation(let k, let j): return evaluation.preactivations.element(k)?.element(j)
            case .activation(let k, let j): return evaluation.activations.element(k)?.element(j)
            case .target(let j): return target.element(j)
            default: return nil
            }
        }
        func nudged(_ value: Double, _ node: Symbol) -> Double { node == symbol ? value + offset : value }

        for k in first...max(first, network.depth) where k <= network.depth {
            let width = network.layer(k).width
            var f: [Double] = []
            for j in 0..<width {
                f.append(nudged(try preactivationTrees[k][j].evaluate(value(of:)), .preactivation(layer: k, neuron: j)))
            }
            evaluation.preactivations.append(f)
            var o: [Double] = []
            for j in 0..<width {
                o.append(nudged(try activationTrees[k][j].evaluate(value(of:)), .activation(layer: k, neuron: j)))
            }
            evaluation.activations.append(o)
        }
        for tree in lossTrees { evaluation.loss += try tree.evaluate(value(of:)) }

        for k in 1...network.depth where [.relu, .leakyRelu].contains(network.layer(k).activation) {
            evaluation.kinkSigns += evaluation.preactivations[k].map { $0 > 0 }
            evaluation.distanceToKink = min(evaluation.distanceToKink, evaluation.preactivations[k].map(abs).min()!)
        }
        return evaluation
    }
}
