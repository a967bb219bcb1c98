using System.Text.Json;

namespace EventReactor.Core.Tests.Statistics;

/// <summary>The committed fixture of SciPy's answers, written by generate_scipy_reference.py beside it.</summary>
internal static class ScipyReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "scipy-reference.json"))).RootElement);

    public static IEnumerable<JsonElement> Cases => Root.Value.GetProperty("cases").EnumerateArray();

    public static IEnumerable<JsonElement> Section(string name) => Root.Value.GetProperty(name).EnumerateArray();

    public static double[] Values(JsonElement element) => element.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Asserts agreement to 1e-9 of the expected value, or to 1e-15 absolute where both are 0 but for rounding.</summary>
    public static void Close(double expected, double actual, string what)
    {
        var difference = Math.Abs(expected - actual);
        Assert.True(difference <= 1e-9 * Math.Abs(expected) || difference < 1e-15, $"{what}: SciPy {expected:R}, ours {actual:R}");
    }
}
