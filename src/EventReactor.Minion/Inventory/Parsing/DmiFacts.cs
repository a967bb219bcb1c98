namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>The files of <c>/sys/class/dmi/id</c> that say what machine this is, trimmed; null when absent.</summary>
internal sealed record DmiFacts(
    string? SysVendor,
    string? ProductName,
    string? ProductVersion,
    string? BiosVendor,
    string? ChassisAssetTag);
