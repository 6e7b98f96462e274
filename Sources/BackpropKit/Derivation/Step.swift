/// One line of a derivation: a quantity, its general form, its concrete form, the numbers substituted, and its value.
///
/// For ∂o_{n,1}/∂w_{n-1,1,1} the general form is ∂g_n(f_{n,1})/∂f_{n,1} · ∂f_{n,1}/∂w_{n-1,1,1} and the
/// substitution is the product of the two values already derived; for ∂g_n(f_{n,1})/∂f_{n,1} the concrete
/// form is σ(f_{n,1})(1 − σ(f_{n,1})), the differentiated tree of the activation.
public struct Step: Sendable, Equatable {
    /// The quantity defined, e.g. ∂δ/∂w_{n-1,1,1}.
    public let symbol: Expression
    /// The form in terms of other quantities, before any function is known.
    public let general: Expression?
    /// The form once the activation and loss are known.
    public let concrete: Expression?
    /// The form with the values substituted, whose arithmetic gives ``value``.
    public let substituted: Expression?
    /// The value.
    public let value: Double
    /// Whether the note marks the step as one "you don't even have to do": it is not needed for the
    /// weight gradients (the derivatives with respect to the input). Handouts leave such steps out.
    public let isOptional: Bool
    /// The parts left blank for a student to fill in, on an exercise sheet.
    package var blanks: Set<Part> = []

    /// The parts of a step after its symbol.
    public enum Part: String, CaseIterable, Sendable {
        /// The general form.
        case general
        /// The concrete form.
        case concrete
        /// The numbers substituted.
        case substituted
        /// The value.
        case value
    }

    /// A step; nil forms are not printed.
    package init(symbol: Expression, general: Expression? = nil, concrete: Expression? = nil, substituted: Expression? = nil, value: Double, isOptional: Bool = false) {
        self.symbol = symbol
        self.general = general
        self.concrete = concrete
        self.substituted = substituted
        self.value = value
        self.isOptional = isOptional
    }

    /// The forms after the symbol with their parts, in order: general, concrete, substituted (the value is separate).
    public var parts: [(part: Part, form: Expression)] {
        [(Part.general, general), (.concrete, concrete), (.substituted, substituted)].compactMap { part, form in form.map { (part, $0) } }
    }

    /// The forms after the symbol, in order: general, concrete, substituted (the value is separate).
    public var forms: [Expression] {
        [general, concrete, substituted].compactMap { $0 }
    }
}
