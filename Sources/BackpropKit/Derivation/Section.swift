/// A titled group of steps of a derivation.
public struct Section: Sendable, Equatable {
    /// What the section derives.
    public let kind: Kind
    /// The steps, in reading order.
    public let steps: [Step]

    /// The kinds of sections, in the order a derivation presents them.
    public enum Kind: Sendable, Equatable {
        /// The given values: input, targets and learning rate.
        case given
        /// f_{k,j} and o_{k,j} of layer k.
        case forwardPass(layer: Int)
        /// δ_j and δ.
        case loss
        /// ∂δ/∂o_{n,j} from the loss.
        case errorDerivatives
        /// The local derivatives of layer k: ∂g_k/∂f, ∂f/∂w, ∂f/∂b, ∂f/∂o_{k-1}.
        case calculate(layer: Int)
        /// ∂o_{k,j}/∂w, ∂o_{k,j}/∂b and ∂o_{k,j}/∂o_{k-1,i} as products of local derivatives.
        case furtherCalculate(layer: Int)
        /// ∂δ/∂f_{k,j} = Σ_m ∂δ/∂o_{k,m} · ∂o_{k,m}/∂f_{k,j}, the factor every weight into neuron j shares, then
        /// ∂δ/∂w_{k-1,i,j} (and ∂δ/∂b_{k,j}) = ∂δ/∂o_{k,j} · ∂o_{k,j}/∂w = ∂δ/∂f_{k,j} · o_{k-1,i}.
        case weightDerivatives(layer: Int)
        /// ∂δ/∂o_{k-1,i} = Σ_j ∂δ/∂o_{k,j} ∂o_{k,j}/∂o_{k-1,i}, used by layer k-1.
        case propagated(layer: Int)
        /// The gradient-descent update w⁺ = w − η ∂δ/∂w of layer k, once the backward pass is done.
        case update(layer: Int)
        /// f⁺_{k,j} and o⁺_{k,j} of layer k, the second forward pass, through the updated weights.
        case updatedForwardPass(layer: Int)
        /// δ⁺_j, δ⁺ and the change δ⁺ − δ the update made.
        case updatedLoss

        /// The layer a per-layer section belongs to.
        public var layer: Int? {
            switch self {
            case .given, .loss, .errorDerivatives, .updatedLoss: return nil
            case .forwardPass(let k), .calculate(let k), .furtherCalculate(let k), .weightDerivatives(let k),
                .update(let k), .propagated(let k), .updatedForwardPass(let k):
                return k
            }
        }
    }

    /// The steps a handout prints: those not marked optional.
    public var printedSteps: [Step] { steps.contains(where: \.isOptional) ? steps.filter { !$0.isOptional } : steps }
}
