package org.openhall.catalog;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import org.openhall.organization.OrgFixture;
import org.openhall.organization.OrganizationCommands;
import org.openhall.security.UserAccounts;
import org.openhall.test.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CAT-1..3 in a real browser (Chromium, 1366×768): the centre office creates an item with materials and a fee,
 * revises it, the public guide shows the new version and the old version stays readable by its id. Screenshots of
 * the list, the form, the item page and the guide (on screen and as printed) go to target/screenshots.
 */
class CatalogJourneyTests extends BrowserTestSupport {

    @Autowired
    OrganizationCommands org;

    @Autowired
    UserAccounts accounts;

    @Autowired
    CatalogCommands commands;

    @Autowired
    CatalogApi catalog;

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theOfficeCreatesAndRevisesAnItemAndThePublicReadsBothVersions() {
        OrgFixture.Org o = OrgFixture.create(org, accounts);
        CatalogFixture.committed(commands, o);
        CatalogFixture.instant(commands, o);
        CatalogFixture.joint(commands, o);
        String code = "YB-" + o.n() + "-01";

        login(o.office(), OrgFixture.PASSWORD);
        page.navigate(url("/catalog"));
        assertThat(page.locator("#item-results tbody tr")).hasCount(3);
        screenshot("catalog-01-list");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建事项")).click();
        label("事项编码").fill(code);
        label("事项名称").fill("基本医疗保险异地就医备案");
        label("承办部门").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("医保中心"));
        label("事项类型").selectOption("COMMITTED");
        page.getByLabel("5号窗口 医保参保登记").check();
        label("法定时限（工作日）").fill("15");
        label("承诺时限（工作日）").fill("10");
        label("设定依据").fill("《中华人民共和国社会保险法》第二十九条；国家医保局、财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》");
        label("受理条件").fill("异地长期居住、常驻异地工作或异地转诊就医的参保人员");
        label("办理结果").fill("备案成功，可在备案地定点医药机构直接结算");
        label("咨询电话").fill("0797-5212351");
        label("办理流程").fill("窗口受理\n审核\n备案完成");
        label("网上办理").check();
        label("可预约").check();
        Locator materials = page.locator("#material-rows tr");
        materials.nth(0).getByLabel("编号").fill("M01");
        materials.nth(0).getByLabel("材料名称").fill("居民身份证或社会保障卡");
        materials.nth(0).getByLabel("形式").fill("原件");
        button("添加材料").click();
        materials.nth(1).getByLabel("编号").fill("M02");
        materials.nth(1).getByLabel("材料名称").fill("异地就医备案登记表");
        materials.nth(1).getByLabel("形式").fill("原件");
        materials.nth(1).getByLabel("填写说明").fill("写明备案地和备案类型");
        button("添加材料").click();
        materials.nth(2).getByLabel("编号").fill("M03");
        materials.nth(2).getByLabel("材料名称").fill("居住证明");
        materials.nth(2).getByLabel("要求").selectOption("DEFERRABLE");
        Locator fees = page.locator("#fee-rows tr");
        fees.nth(0).getByLabel("编号").fill("F01");
        fees.nth(0).getByLabel("收费项目").fill("证明材料复印工本费");
        fees.nth(0).getByLabel("金额（元）").fill("10.00");
        fees.nth(0).getByLabel("收费依据").fill("按物价部门核定标准收取");
        screenshot("catalog-02-form");

        // a committed limit above the statutory one is refused next to its field, nothing is saved
        label("承诺时限（工作日）").fill("20");
        button("保存").click();
        assertThat(page.locator("#committed-err")).hasText("承诺时限（20个工作日）不能超过法定时限（15个工作日）");
        assertThat(catalog.currentItem(o.centreId(), code)).isEmpty();
        assertThat(page.locator("#material-rows tr")).hasCount(3);
        screenshot("catalog-03-form-error");
        label("承诺时限（工作日）").fill("10");
        button("保存").click();
        assertThat(page.locator(".flash.ok")).hasText("已创建事项“基本医疗保险异地就医备案”");
        ItemVersion v1 = catalog.currentItem(o.centreId(), code).orElseThrow();
        assertThat(v1.materials()).extracting(MaterialInfo::code).containsExactly("M01", "M02", "M03");
        assertThat(v1.fee("F01").orElseThrow().amount()).isEqualByComparingTo("10.00");
        assertThat(v1.windowIds()).containsExactly(o.windowId());

        // revise: a shorter committed limit, one material less, no fee
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("修订")).click();
        label("承诺时限（工作日）").fill("5");
        page.locator("#material-rows tr").nth(2).getByRole(AriaRole.BUTTON).click();
        page.locator("#fee-rows tr").nth(0).getByRole(AriaRole.BUTTON).click();
        label("修订说明").fill("落实跨省异地就医备案“零跑腿”，承诺时限压缩");
        button("保存").click();
        assertThat(page.locator(".flash.ok")).hasText("已保存事项“基本医疗保险异地就医备案”的第2版");
        assertThat(page.locator("table.versions tbody tr")).hasCount(2);
        String changes = page.locator("table.versions tbody tr").first().innerText();
        assertThat(changes).contains("承诺时限：10 → 5个工作日", "删除材料：居住证明", "取消收费：证明材料复印工本费");
        screenshot("catalog-04-detail");
        ItemVersion v2 = catalog.currentItem(o.centreId(), code).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);

        // the public guide, without login
        context.clearCookies();
        page.navigate(url("/public/centres/" + o.code() + "/catalog"));
        assertThat(page.locator(".dept-group h2")).hasText("医保中心");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("基本医疗保险异地就医备案")).click();
        assertThat(page.locator("h1")).hasText("基本医疗保险异地就医备案 办事指南");
        Locator basics = page.locator("table.guide-table").first();
        assertThat(basics).containsText("5个工作日");
        assertThat(basics).containsText("15个工作日");
        assertThat(page.locator("table.materials tbody tr")).hasCount(2);
        assertThat(page.locator("p.free")).hasText("不收费");
        screenshot("catalog-05-guide");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".topbar")).isHidden();
        assertThat(page.locator(".guide-actions")).isHidden();
        screenshot("catalog-06-guide-print");
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        // the first version stays readable by its id
        page.navigate(url("/public/catalog/versions/" + v1.versionId()));
        assertThat(page.locator(".flash.warn")).containsText("历史版本（第1版）");
        assertThat(page.locator("table.guide-table").first()).containsText("10个工作日");
        assertThat(page.locator("table.materials tbody tr")).hasCount(3);
        assertThat(page.locator("body")).containsText("证明材料复印工本费");
        screenshot("catalog-07-old-version");
    }

    @Test
    void windowStaffReadTheCatalogueButCannotChangeIt() {
        OrgFixture.Org o = OrgFixture.create(org, accounts);
        ItemVersion item = CatalogFixture.committed(commands, o);
        login(o.clerk(), OrgFixture.PASSWORD);
        page.navigate(url("/catalog"));
        assertThat(page.locator("#item-results tbody tr")).hasCount(1);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建事项"))).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("门诊慢特病待遇认定")).click();
        assertThat(page.locator("h1")).hasText("门诊慢特病待遇认定");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("修订"))).hasCount(0);
        assertThat(page.locator("form.sample-upload")).hasCount(0);
        var response = page.navigate(url("/catalog/items/" + item.itemId() + "/edit"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.navigate(url("/catalog/new")).status()).isEqualTo(403);
    }
}
