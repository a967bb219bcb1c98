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

    /// <summary>Tags of the soak's chain: a container event with the <see cref="DockerEvents.ChainLabel"/> label sets off 1, then 2, then 3.</summary>
    public const string ChainTagPrefix = "bench/chain/";

    public const int ChainDepth = 3;

    public static string MinionId(int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{index:000}");

    public static void Write(string folder, int rules, bool chained)
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

        if (chained)
        {
            // Beside its bench/fired reaction, a labelled container event starts a chain of three rules, each acting on the last one's event.
            for (var level = 1; level <= ChainDepth; level++)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - name: chain-{level}\n");
                yaml.Append(level == 1
                    ? "    on: minion/*/docker/container/die\n"
                    : string.Create(CultureInfo.InvariantCulture, $"    on: {ChainTagPrefix}{level - 1}\n"));
                if (level == 1)
                {
                    yaml.Append(CultureInfo.InvariantCulture, $"    when: has(event.data.labels.{DockerEvents.ChainLabel})\n");
                }

                yaml.Append("    do:\n");
                yaml.Append("      - event.fire:\n");
                yaml.Append(CultureInfo.InvariantCulture, $"          tag: {ChainTagPrefix}{level}\n");
                yaml.Append("          data:\n");
                yaml.Append(CultureInfo.InvariantCulture, $"            level: {level}\n");
            }
        }

        File.WriteAllText(Path.Combine(folder, "bench.yaml"), yaml.ToString());
    }
}
