using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventReactor.Minion.Docker;

/// <summary>
/// Event ids derived from the engine event itself (minion, container, action, engine time), so that an event read
/// twice, after a crash or a resumed stream, keeps its id and the reactor can recognise it.
/// </summary>
internal static class EngineEventIds
{
    public static string For(string minionId, string containerId, string action, long timeNano, bool reconciled)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{minionId}\n{containerId}\n{action}\n{timeNano}\n{(reconciled ? "r" : "s")}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

        // Shaped as an RFC 9562 version 8 (custom) UUID so it still parses as a Guid for the bus's MessageId.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
