using System.Globalization;
using System.Text;

namespace EventReactor.EndToEnd;

/// <summary>
/// The benchmark's rule set: one rule per minion of a 1,000-host fleet (<c>minion/*-NNN/docker/container/die</c>, a
/// glob the index finds by suffix), half with a condition. A simulated minion's <c>die</c> matches exactly one rule,
/// whose single action is an <c>event.fire</c> of <see cref="FiredTagPrefix"/>.
/// </summary>
internal static class RuleFile
{
    public const string FiredTagPrefix = "bench/fired/";

    public static string MinionId(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{index:000}");

    public static void Write(string folder, int rules)
    {
        Directory.CreateDirectory(folder);
        var yaml = new StringBuilder("rules:\n");
        for (var i = 0; i < rules; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: react-{i:000}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    on: minion/*-{i:000}/docker/container/die\n");
            if (i % 2 == 0)
            {
                yaml.Append("    when: event.data.exitCode != 0 && event.data.image.startsWith('bench/')\n");
            }

            yaml.Append("    do:\n");
            yaml.Append("      - event.fire:\n");
            yaml.Append(CultureInfo.InvariantCulture, $"          tag: {FiredTagPrefix}{i:000}\n");
            yaml.Append("          data:\n");
            yaml.Append("            container: ${{ event.data.name }}\n");
            yaml.Append("            exit: ${{ event.data.exitCode }}\n");
        }

        File.WriteAllText(Path.Combine(folder, "bench.yaml"), yaml.ToString());
    }
}
