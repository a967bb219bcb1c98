using System.Globalization;

namespace EventReactor.EndToEnd;

/// <summary>
/// Whether every soak event was acted on exactly once: each played container event has one <c>bench/fired</c>
/// reaction (and, when labelled, one chain event), each chain event one successor down to the third, counted by
/// distinct reaction ids. The same reaction id seen twice is a republish (at least once), not a second reaction.
/// </summary>
internal sealed record SoakVerdict(int Played, int Chained, int Reactions, int Missing, int Doubled, int Republished, int Unexpected)
{
    public bool ExactlyOnce => Missing == 0 && Doubled == 0 && Unexpected == 0;

    public static SoakVerdict Read(IEnumerable<string> playedFiles, string reactionFile)
    {
        // (cause id, level) -> distinct reaction ids.
        var reactions = new Dictionary<(string Cause, int Level), List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var republished = 0;
        foreach (var line in File.ReadLines(reactionFile))
        {
            var parts = line.Split(' ');
            if (!seen.Add(parts[0]))
            {
                republished++;
                continue;
            }

            var key = (parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture));
            if (!reactions.TryGetValue(key, out var ids))
            {
                reactions[key] = ids = [];
            }

            ids.Add(parts[0]);
        }

        var played = 0;
        var chained = 0;
        var missing = 0;
        var doubled = 0;
        var expected = 0;
        void Expect(string cause, int level)
        {
            expected++;
            var count = reactions.TryGetValue((cause, level), out var ids) ? ids.Count : 0;
            missing += count == 0 ? 1 : 0;
            doubled += count > 1 ? 1 : 0;
            if (level < RuleFile.ChainDepth && level > 0 && count > 0)
            {
                Expect(ids![0], level + 1);
            }
        }

        foreach (var line in playedFiles.SelectMany(File.ReadLines))
        {
            var parts = line.Split(' ');
            played++;
            Expect(parts[0], 0);
            if (parts[1] == "1")
            {
                chained++;
                Expect(parts[0], 1);
            }
        }

        return new SoakVerdict(played, chained, seen.Count, missing, doubled, republished, Math.Max(0, seen.Count - expected));
    }
}
