namespace EventReactor.Core.Statistics;

/// <summary>
/// The special functions the tests and intervals need, to double precision: log-gamma (Lanczos, g = 7), the regularized
/// incomplete beta (for Student's t) and gamma (for the normal tail) functions, by series and Lentz continued fractions.
/// </summary>
internal static class SpecialFunctions
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 10_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the approximation where it is accurate.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>I_x(a, b), the regularized incomplete beta function.</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp((a * Math.Log(x)) + (b * Math.Log(1 - x)) + LogGamma(a + b) - LogGamma(a) - LogGamma(b));

        // The continued fraction converges fast only below the mean; above it, the symmetry I_x(a,b) = 1 - I_{1-x}(b,a).
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(x, a, b) / a
            : 1 - (front * BetaFraction(1 - x, b, a) / b);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function.</summary>
    public static double UpperRegularizedGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        var front = Math.Exp((a * Math.Log(x)) - x - LogGamma(a));
        if (x < a + 1)
        {
            // The series of the lower function, where it converges fast.
            double term = 1 / a, sum = term;
            for (var n = 1; n < MaxIterations && Math.Abs(term) > Math.Abs(sum) * Epsilon; n++)
            {
                term *= x / (a + n);
                sum += term;
            }

            return 1 - (front * sum);
        }

        // Lentz's method on the continued fraction of the upper function.
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = Guard((an * d) + b);
            c = Guard(b + (an / c));
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return front * h;
    }

    /// <summary>P(Z &gt; z) for a standard normal Z, accurate in the far tail (erfc through Q(1/2, z²/2)).</summary>
    public static double NormalSurvival(double z)
    {
        if (double.IsPositiveInfinity(z))
        {
            return 0;
        }

        if (double.IsNegativeInfinity(z))
        {
            return 1;
        }

        var tail = 0.5 * UpperRegularizedGamma(0.5, z * z / 2);
        return z >= 0 ? tail : 1 - tail;
    }

    private static double BetaFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = 1 / Guard(1 - ((a + b) * x / (a + 1)));
        var h = d;
        for (var m = 1; m < MaxIterations; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    private static double Guard(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
