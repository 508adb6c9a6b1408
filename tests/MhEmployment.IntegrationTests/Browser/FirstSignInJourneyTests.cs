using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FirstSignInJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Newcomer_SignsInWithTheFirstRunPassword_MustChangeIt_ThenSignsOut()
    {
        var lines = await File.ReadAllLinesAsync(fixture.Factory.FirstAdminPasswordFile);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await BrowserFixture.SignInAsync(page, lines[0], lines[1]);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change your password" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("set by someone else");
        await page.GetByLabel("Current password").FillAsync(lines[1]);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("1qaz2wsx3edc");
        await page.GetByLabel("New password again").FillAsync("1qaz2wsx3edc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("most commonly used");

        await page.GetByLabel("Current password").FillAsync(lines[1]);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("orchard kettle harbour lamp");
        await page.GetByLabel("New password again").FillAsync("orchard kettle harbour lamp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed.");

        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You have signed out.");
        await page.GotoAsync("/Admin/Users");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
