namespace EventReactor.EndToEnd;

/// <summary>
/// Finds the highest steady rate that passes a trial (issue #10: the consumer's queue stays under
/// <see cref="MaxDepth"/> for the whole window): up by half from a guess while trials pass, then halves the gap
/// between the best pass and the lowest failure; at most a given number of trials, rates rounded to 50/s. Says
/// which rate failed, or that none did (then the result is only a lower bound).
/// </summary>
internal static class SustainedSearch
{
    public const long MaxDepth = 1000;
    private const int Step = 50;

    /// <summary>The highest rate that passed, 0 if none did.</summary>
    public static async Task<int> FindAsync(string what, int guess, int trials, Func<int, Task<bool>> trial)
    {
        var passed = 0;
        var failed = int.MaxValue;
        var rate = Round(guess);
        for (var i = 0; i < trials; i++)
        {
            if (await trial(rate))
            {
                passed = rate;
            }
            else
            {
                failed = rate;
            }

            var next = Round(failed == int.MaxValue ? rate * 3 / 2 : (passed + failed) / 2);
            if (next <= passed || next >= failed)
            {
                break;
            }

            rate = next;
        }

        Console.WriteLine(failed == int.MaxValue
            ? $"  {what}: sustained {passed}/s; no trial failed, so that is only a lower bound (more --sustain-steps)"
            : $"  {what}: sustained {passed}/s, not {failed}/s");
        return passed;
    }

    private static int Round(int rate) => Math.Max(Step, (int)Math.Round(rate / (double)Step) * Step);
}
