using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Remembers what a session cookie decrypts to. A browser sends the same cookie with every request, and decrypting
/// and deserialising it was a large part of what a cached page still cost. The cookie's text fully determines its
/// ticket, so a remembered ticket is the one decryption would give; expiry and the security stamp are still checked
/// on every request by the cookie handler, and entries are forgotten after a few minutes (a retired key) or when
/// the table is full.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, long Stored)> tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null)
        {
            return null;
        }
        var key = purpose is null ? protectedText : purpose + "|" + protectedText;
        if (tickets.TryGetValue(key, out var entry) && clock.GetElapsedTime(entry.Stored) < Lifetime)
        {
            return entry.Ticket.Clone(); // The handler may change a ticket (renewal); the remembered one stays as decrypted.
        }
        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is not null)
        {
            if (tickets.Count >= MaxEntries)
            {
                tickets.Clear();
            }
            tickets[key] = (ticket.Clone(), clock.GetTimestamp());
        }
        return ticket;
    }
}
