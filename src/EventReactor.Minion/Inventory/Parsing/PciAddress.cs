namespace EventReactor.Minion.Inventory.Parsing;

internal static class PciAddress
{
    /// <summary>
    /// The sysfs form <c>0000:05:00.0</c>: nvidia-smi writes an eight-digit upper-case domain
    /// (<c>00000000:05:00.0</c>) and plain lspci leaves the domain out.
    /// </summary>
    public static string Normalize(string address)
    {
        var text = address.Trim().ToLowerInvariant();
        var parts = text.Split(':');
        return parts.Length switch
        {
            2 => "0000:" + text,
            3 when parts[0].Length > 4 => parts[0][^4..] + ":" + parts[1] + ":" + parts[2],
            _ => text,
        };
    }

    /// <summary>The address without its function, so that the functions of one card group together.</summary>
    public static string Slot(string address)
    {
        var dot = address.LastIndexOf('.');
        return dot < 0 ? address : address[..dot];
    }
}
