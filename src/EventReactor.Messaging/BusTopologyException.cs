namespace EventReactor.Messaging;

/// <summary>The broker holds an entity of ours declared another way (an older version's fanout exchange): start-up stops with how to fix it.</summary>
public sealed class BusTopologyException(string message, Exception? inner = null) : Exception(message, inner);
