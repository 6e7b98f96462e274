/// Which parts of a derivation an exercise sheet leaves blank for students to fill in.
///
/// The first step of every section stays filled in as a worked example; in the others, symbolic blanks
/// hide the concrete forms (the differentiated activation and loss, ∂f/∂w = o, ...) and the general forms
/// of the chain rule, numeric blanks hide the numbers substituted and the values.
package enum ExerciseBlanks: String, CaseIterable, Sendable {
    /// The formulas.
    case symbolic
    /// The numbers.
    case numeric
    /// Both.
    case both

    /// `section` with the blanks of this kind marked on every step after the first.
    package func blanking(_ section: Section) -> Section {
        guard section.kind != .given else { return section }
        var steps = section.steps
        for index in steps.indices.dropFirst() {
            steps[index].blanks = parts(of: steps[index])
        }
        return Section(kind: section.kind, steps: steps)
    }

    /// The parts of `step` this kind leaves blank.
    func parts(of step: Step) -> Set<Step.Part> {
        var parts: Set<Step.Part> = []
        if self != .numeric {
            if step.concrete != nil { parts.insert(.concrete) } else if step.general != nil { parts.insert(.general) }
        }
        if self != .symbolic {
            parts.insert(.value)
            if step.substituted != nil { parts.insert(.substituted) }
        }
        return parts
    }
}
