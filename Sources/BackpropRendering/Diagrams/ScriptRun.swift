/// A stretch of Unicode text on the baseline, lowered as a subscript or raised as a superscript, with the
/// script characters (ₙ₋₁, ⁻⁵) turned back into ordinary ones, for writers that set scripts themselves.
struct ScriptRun: Equatable {
    /// Where a run sits.
    enum Script: Equatable {
        /// On the baseline.
        case base
        /// Lowered, smaller.
        case sub
        /// Raised, smaller.
        case sup

        /// The shift of the baseline in units of the font size, downwards positive.
        var offset: Double {
            switch self {
            case .base: return 0
            case .sub: return 0.3
            case .sup: return -0.4
            }
        }
    }

    /// The text, with script characters as ordinary ones.
    var text: String
    /// Where it sits.
    var script: Script

    /// `text` cut into runs; a comma between two subscript characters belongs to the subscript.
    static func runs(of text: String) -> [ScriptRun] {
        let characters = Array(text)
        var runs: [ScriptRun] = []
        for (index, character) in characters.enumerated() {
            var script = Script.base
            var plain = character
            if let lowered = subscripts[character] {
                (script, plain) = (.sub, lowered)
            } else if let raised = superscripts[character] {
                (script, plain) = (.sup, raised)
            } else if character == ",", index > 0, index + 1 < characters.count,
                      subscripts[characters[index - 1]] != nil, subscripts[characters[index + 1]] != nil {
                script = .sub
            }
            if let last = runs.last, last.script == script {
                runs[runs.count - 1].text.append(plain)
            } else {
                runs.append(ScriptRun(text: String(plain), script: script))
            }
        }
        return runs
    }

    private static let subscripts: [Character: Character] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₋": "-", "₊": "+", "ₙ": "n", "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₘ": "m",
    ]
    private static let superscripts: [Character: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁻": "−", "⁺": "+",
    ]
}
