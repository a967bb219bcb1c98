namespace EventReactor.Core.Statistics;

/// <summary>Student's t distribution: its CDF through the incomplete beta function, and quantiles by Newton's method.</summary>
public static class StudentT
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        var square = t * t;
        if (square < degreesOfFreedom)
        {
            // Near the centre, P(|T| < t) = I(t² / (v + t²); 1/2, v/2) keeps its relative precision.
            var central = SpecialFunctions.RegularizedBeta(square / (degreesOfFreedom + square), 0.5, degreesOfFreedom / 2);
            return 0.5 + (Math.Sign(t) * central / 2);
        }

        var tail = 0.5 * SpecialFunctions.RegularizedBeta(degreesOfFreedom / (degreesOfFreedom + square), degreesOfFreedom / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The t with P(T ≤ t) = p.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a quantile needs 0 < p < 1");
        }

        if (p == 0.5)
        {
            return 0;
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        // Bracket, then Newton steps on the density, falling back to bisection when a step leaves the bracket.
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2;
        }

        var t = (low + high) / 2;
        for (var i = 0; i < 200; i++)
        {
            var error = Cdf(t, degreesOfFreedom) - p;
            if (error > 0)
            {
                high = t;
            }
            else
            {
                low = t;
            }

            var next = t - (error / Density(t, degreesOfFreedom));
            next = next > low && next < high ? next : (low + high) / 2;
            if (Math.Abs(next - t) <= 1e-15 * Math.Max(1, Math.Abs(t)))
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    private static double Density(double t, double v) =>
        Math.Exp(SpecialFunctions.LogGamma((v + 1) / 2) - SpecialFunctions.LogGamma(v / 2) - (0.5 * Math.Log(v * Math.PI)) - ((v + 1) / 2 * Math.Log(1 + (t * t / v))));
}
