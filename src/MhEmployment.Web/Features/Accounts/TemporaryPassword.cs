using System.Security.Cryptography;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>Passwords the app chooses (first run, new accounts, resets): 24 characters, about 120 bits, never common.</summary>
public static class TemporaryPassword
{
    // No look-alike characters (0/O, 1/l/I), so a person can copy it by hand.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate()
    {
        var raw = RandomNumberGenerator.GetString(Alphabet, 24);
        return string.Join('-', raw.Chunk(6).Select(c => new string(c)));
    }
}
