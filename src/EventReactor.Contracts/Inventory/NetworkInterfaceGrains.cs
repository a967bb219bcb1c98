namespace EventReactor.Contracts.Inventory;

/// <summary>A network interface: name, link speed in Mbit/s (null when down or not told) and MAC address.</summary>
public sealed record NetworkInterfaceGrains(string Name, int? SpeedMbps, string? Mac);
