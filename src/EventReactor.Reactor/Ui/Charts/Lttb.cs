namespace EventReactor.Reactor.Ui.Charts;

/// <summary>
/// Largest-triangle-three-buckets (Steinarsson, 2013): keeps the first and last points and, from each bucket between,
/// the point that makes the largest triangle with the point kept before it and the mean of the next bucket. Peaks and
/// dips survive, which an average per bucket would flatten.
/// </summary>
internal static class Lttb
{
    /// <summary>The series cut to at most <paramref name="threshold"/> points; x must be in ascending order.</summary>
    public static (double[] X, double[] Y) Downsample(IReadOnlyList<double> x, IReadOnlyList<double> y, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 3);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} points and y {y.Count}", nameof(y));
        }

        var count = x.Count;
        if (count <= threshold)
        {
            return ([.. x], [.. y]);
        }

        var outX = new double[threshold];
        var outY = new double[threshold];
        outX[0] = x[0];
        outY[0] = y[0];
        var bucketSize = (double)(count - 2) / (threshold - 2);
        var kept = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            // The mean of the next bucket (the last point for the last bucket) is the triangle's third corner.
            var nextStart = (int)Math.Floor((bucket + 1) * bucketSize) + 1;
            var nextEnd = Math.Min((int)Math.Floor((bucket + 2) * bucketSize) + 1, count);
            double meanX = 0, meanY = 0;
            for (var i = nextStart; i < nextEnd; i++)
            {
                meanX += x[i];
                meanY += y[i];
            }

            var nextCount = nextEnd - nextStart;
            meanX /= nextCount;
            meanY /= nextCount;

            var start = (int)Math.Floor(bucket * bucketSize) + 1;
            var end = (int)Math.Floor((bucket + 1) * bucketSize) + 1;
            var best = start;
            var bestArea = -1.0;
            for (var i = start; i < end; i++)
            {
                var area = Math.Abs(((x[kept] - meanX) * (y[i] - y[kept])) - ((x[kept] - x[i]) * (meanY - y[kept])));
                if (area > bestArea)
                {
                    bestArea = area;
                    best = i;
                }
            }

            outX[bucket + 1] = x[best];
            outY[bucket + 1] = y[best];
            kept = best;
        }

        outX[threshold - 1] = x[count - 1];
        outY[threshold - 1] = y[count - 1];
        return (outX, outY);
    }
}
