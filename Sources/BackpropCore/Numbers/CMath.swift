#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's elementary functions of a double, for every layer of derive without Foundation, and
/// under names no enum case shadows (``ElementaryFunction`` has cases `.exp`, `.log`, `.sin`, …).
package enum CMath {
    /// eˣ.
    package static func exp(_ x: Double) -> Double { cExp(x) }
    /// ln x.
    package static func log(_ x: Double) -> Double { cLog(x) }
    /// ln(1 + x), accurate for small x.
    package static func log1p(_ x: Double) -> Double { cLog1p(x) }
    /// log₁₀ x.
    package static func log10(_ x: Double) -> Double { cLog10(x) }
    /// xʸ.
    package static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    /// sin x, x in radians.
    package static func sin(_ x: Double) -> Double { cSin(x) }
    /// cos x, x in radians.
    package static func cos(_ x: Double) -> Double { cCos(x) }
    /// tanh x.
    package static func tanh(_ x: Double) -> Double { cTanh(x) }
    /// The angle of the point (x, y) from the positive x axis, in radians, in (−π, π].
    package static func atan2(_ y: Double, _ x: Double) -> Double { cAtan2(y, x) }
}

// At file scope the names below reach the C library's functions, which the members above shadow.
private func cExp(_ x: Double) -> Double { exp(x) }
private func cLog(_ x: Double) -> Double { log(x) }
private func cLog1p(_ x: Double) -> Double { log1p(x) }
private func cLog10(_ x: Double) -> Double { log10(x) }
private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func cSin(_ x: Double) -> Double { sin(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }
private func cAtan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
