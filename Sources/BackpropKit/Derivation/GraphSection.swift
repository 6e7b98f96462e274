/// A titled group of steps of a ``GraphDerivation``.
package struct GraphSection: Sendable, Equatable {
    /// What a section derives, in the order a graph derivation presents them.
    package enum Kind: Sendable, Equatable {
        /// The values of the input variables.
        case given
        /// Each operation's value, in evaluation order: c = a + b = 2 + 1 = 3.
        case forwardPass
        /// Each edge's local derivative: ∂e/∂c = d = 2.
        case localDerivatives
        /// Reverse mode: each node's adjoint v̄ = ∂e/∂v, from the output back.
        case adjoints
        /// Forward mode: each node's tangent v̇ = ∂v/∂x, from the inputs on.
        case tangents
        /// The derivatives of the output with respect to the inputs.
        case gradient
    }

    /// What the section derives.
    package let kind: Kind
    /// The steps, in reading order.
    package let steps: [Step]

    /// A section of kind `kind`.
    package init(kind: Kind, steps: [Step]) {
        self.kind = kind
        self.steps = steps
    }
}
