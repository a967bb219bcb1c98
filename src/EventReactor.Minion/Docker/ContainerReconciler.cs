namespace EventReactor.Minion.Docker;

/// <summary>
/// Compares the last known container states with what the engine shows now and lists the transitions that were
/// missed: <c>start</c>, <c>die</c> (with the exit code from inspect) and <c>destroy</c>, in engine time order,
/// one container's always start, die, destroy. Transitions after <c>nowNano</c> are left to the event stream.
/// </summary>
internal static class ContainerReconciler
{
    public static IReadOnlyList<ContainerTransition> Diff(IReadOnlyDictionary<string, ContainerState> known, IReadOnlyList<ObservedContainer> observed, long nowNano)
    {
        var transitions = new List<(ContainerTransition Transition, int Rank)>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in observed)
        {
            present.Add(container.Id);
            known.TryGetValue(container.Id, out var last);
            var wasRunning = last?.Running ?? false;
            var everStarted = container.StartedNano > 0;

            // A start we never reported: unknown container that ran, or a known one that started after its last reported state.
            var missedStart = (container.Running && !wasRunning) ||
                (!container.Running && everStarted && (last is null || (last.LastAction == ContainerLedger.Create && !wasRunning) || (!wasRunning && container.StartedNano > last.LastNano)));
            if (missedStart)
            {
                transitions.Add((Transition(container, ContainerLedger.Start, container.StartedNano, null), 0));
            }

            if (!container.Running && everStarted && (wasRunning || missedStart))
            {
                transitions.Add((Transition(container, ContainerLedger.Die, container.FinishedNano, container.ExitCode), 1));
            }
        }

        foreach (var gone in known.Values.Where(k => !present.Contains(k.Id) && k.LastAction != ContainerLedger.Destroy))
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (gone.Running)
            {
                // Destroyed while we were away: its exit code is gone with it.
                transitions.Add((new ContainerTransition(gone.Id, gone.Name, gone.Image, ContainerLedger.Die, nowNano, null, labels), 1));
            }

            transitions.Add((new ContainerTransition(gone.Id, gone.Name, gone.Image, ContainerLedger.Destroy, nowNano, null, labels), 2));
        }

        // What happened after 'now' is still in the engine's stream, which reports it as it was.
        return transitions
            .Where(t => t.Transition.TimeNano <= nowNano)
            .OrderBy(t => t.Transition.TimeNano)
            .ThenBy(t => t.Rank)
            .Select(t => t.Transition)
            .ToList();
    }

    private static ContainerTransition Transition(ObservedContainer container, string action, long timeNano, long? exitCode) =>
        new(container.Id, container.Name, container.Image, action, timeNano, exitCode, container.Labels);
}
