import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ImportReport } from "#core/people-import.schemas.ts";
import { createPersonWithoutPassword, createSession } from "#server/testing/factories.ts";
import { getJson, postJson, type Session } from "#server/testing/http-client.ts";
import { createTestApp, type TestApp } from "#server/testing/test-app.ts";

const header =
  "email,name,preferred_name,job_title,division,department,team,manager_email,hire_date,location,time_zone";

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

describe("CSV import", () => {
  let t: TestApp;
  let admin: Session;

  beforeEach(async () => {
    t = await createTestApp();
    admin = await createSession(
      t.ctx,
      (await createPersonWithoutPassword(t.ctx, { role: "admin" })).id,
    );
  });
  afterEach(async () => t.close());

  const dryRun = (csv: string) =>
    postJson(t.app, "/api/people/import/dry-run", { csv }, { session: admin });
  const apply = (csv: string) =>
    postJson(t.app, "/api/people/import/apply", { csv }, { session: admin });
  const countPeople = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom("people")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirstOrThrow()
      ).count,
    );

  it("reports the exact row of every bad row in a dry run, and apply then writes nothing", async () => {
    const csv = `\uFEFF${crlf([
      header,
      "ivy@corp.example,Ivy Report,,Analyst,Sales,RSOE,Ops,dana@corp.example,2024-01-15,Lisbon,Europe/Lisbon",
      'dana@corp.example,"Dana, the Lead",Dee,"Director, ""RSOE""",Sales,RSOE,,,2022-06-01,"New York",America/New_York',
      "not-an-email,Bad Email,,,,,,,,,",
      "uma@corp.example,Unknown Manager,,,,,,ghost@corp.example,,,",
      "IVY@corp.example,Ivy Twice,,,,,,,,,",
      "bea@corp.example,Bad Date,,,,,,,2024-02-30,,",
      "tim@corp.example,Bad Zone,,,,,,,,,Mars/Olympus",
      "cy@corp.example,Cycle One,,,,,,cz@corp.example,,,",
      "cz@corp.example,Cycle Two,,,,,,cy@corp.example,,,",
      "me@corp.example,Own Manager,,,,,,ME@corp.example,,,",
    ])}`;
    const before = await countPeople();
    const response = await dryRun(csv);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as ImportReport;
    expect(report.applied).toBe(false);
    expect(report.summary).toEqual({ rows: 10, create: 2, update: 0, unchanged: 0, reject: 8 });
    const rejected = report.rows.filter((row) => row.action === "reject");
    expect(rejected.map((row) => [row.row, row.problems.map((p) => p.column)])).toEqual([
      [4, ["email"]],
      [5, ["manager_email"]],
      [6, ["email"]],
      [7, ["hire_date"]],
      [8, ["time_zone"]],
      [9, ["manager_email"]],
      [10, ["manager_email"]],
      [11, ["manager_email"]],
    ]);
    expect(rejected[2]?.problems[0]?.message).toBe(
      "Duplicate: IVY@corp.example is already on row 2",
    );
    expect(rejected[5]?.problems[0]?.message).toBe(
      "Reporting cycle: cy@corp.example → cz@corp.example → cy@corp.example",
    );
    expect(rejected[7]?.problems[0]?.message).toBe("A person cannot be their own manager");

    const applied = await apply(csv);
    expect(applied.statusCode).toBe(400);
    expect(applied.json().error.code).toBe("validation_failed");
    expect(Object.keys(applied.json().error.fields)).toEqual([
      "rows.4",
      "rows.5",
      "rows.6",
      "rows.7",
      "rows.8",
      "rows.9",
      "rows.10",
      "rows.11",
    ]);
    expect(applied.json().error.message).toBe(
      "Rows 4, 5, 6, 7, 8, 9, 10, 11 cannot be imported, so nothing was imported. Fix them and try again.",
    );
    expect(await countPeople()).toBe(before);
  });

  it("imports managers listed after their reports, then changes nothing on a second import", async () => {
    const csv = crlf([
      header,
      "kai@org.example,Kai,,Engineer,Engineering,Platform,Core,lee@org.example,2023-03-01,Berlin,europe/berlin",
      "lee@org.example,Lee,,Manager,Engineering,Platform,Core,max@org.example,2021-01-04,Berlin,Europe/Berlin",
      'max@org.example,"Max ""The Boss""",,VP,Engineering,,,,2020-01-06,"Remote, EU",UTC',
    ]);
    const first = await apply(csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().summary).toMatchObject({ create: 3, reject: 0 });
    const kai = await t.ctx.db
      .selectFrom("people")
      .innerJoin("people as manager", "manager.id", "people.manager_id")
      .select(["people.time_zone", "manager.email as manager"])
      .where("people.email_normalized", "=", "kai@org.example")
      .executeTakeFirstOrThrow();
    expect(kai).toEqual({ time_zone: "Europe/Berlin", manager: "lee@org.example" });

    const snapshot = await t.ctx.db.selectFrom("people").selectAll().orderBy("id").execute();
    const auditCount = (await t.ctx.db.selectFrom("audit_events").select("id").execute()).length;
    const second = await apply(csv);
    expect(second.statusCode).toBe(200);
    expect(second.json().summary).toEqual({
      rows: 3,
      create: 0,
      update: 0,
      unchanged: 3,
      reject: 0,
    });
    expect(await t.ctx.db.selectFrom("people").selectAll().orderBy("id").execute()).toEqual(
      snapshot,
    );
    expect((await t.ctx.db.selectFrom("audit_events").select("id").execute()).length).toBe(
      auditCount,
    );
  });

  it("updates only what changed, leaves left-out columns alone and clears emptied cells", async () => {
    await apply(
      crlf([header, "ora@org.example,Ora,,Analyst,Sales,RSOE,Ops,,2024-05-06,Oslo,Europe/Oslo"]),
    );
    const response = await dryRun(
      crlf(["email,name,job_title,location", "ORA@org.example,Ora,Senior Analyst,"]),
    );
    const row = response.json().rows[0];
    expect(row).toMatchObject({
      row: 2,
      action: "update",
      changes: ["email", "job_title", "location"],
    });
    await apply(crlf(["email,name,job_title,location", "ora@org.example,Ora,Senior Analyst,"]));
    const stored = await t.ctx.db
      .selectFrom("people")
      .select(["job_title", "location", "time_zone", "department"])
      .where("email_normalized", "=", "ora@org.example")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      job_title: "Senior Analyst",
      location: null,
      time_zone: "Europe/Oslo",
      department: "RSOE",
    });
  });

  it("refuses a cycle through people already stored and a deactivated manager", async () => {
    const boss = await createPersonWithoutPassword(t.ctx, { email: "boss@stored.example" });
    await createPersonWithoutPassword(t.ctx, { email: "aide@stored.example", managerId: boss.id });
    await createPersonWithoutPassword(t.ctx, {
      email: "gone@stored.example",
      status: "deactivated",
    });
    const report = (
      await dryRun(
        crlf([
          "email,name,manager_email",
          "boss@stored.example,Boss,aide@stored.example",
          "new@stored.example,New,gone@stored.example",
        ]),
      )
    ).json() as ImportReport;
    expect(report.rows.map((row) => [row.row, row.action, row.problems[0]?.message])).toEqual([
      [
        2,
        "reject",
        "Reporting cycle: boss@stored.example → aide@stored.example → boss@stored.example",
      ],
      [3, "reject", "The manager gone@stored.example is deactivated"],
    ]);
  });

  it("refuses an unreadable file as a whole, naming the problem", async () => {
    const cases: [string, string][] = [
      ["email,name,shoe_size\r\na@b.example,A,44\r\n", 'unknown column "shoe_size"'],
      ["email,job_title\r\na@b.example,X\r\n", 'no "name" column'],
      ["email,name,email\r\n", 'the column "email" appears twice'],
      ['email,name\r\na@b.example,"A\r\n', "Row 2: a quoted value is never closed"],
    ];
    for (const [csv, problem] of cases) {
      const response = await dryRun(csv);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.csv).toContain(problem);
    }
    const empty = await dryRun("");
    expect(empty.json().error.fields).toEqual({ csv: "Choose a CSV file with a header row" });
  });

  it("exports the directory with formulas escaped, and the export imports back unchanged", async () => {
    await createPersonWithoutPassword(t.ctx, {
      email: "formula@org.example",
      name: '=HYPERLINK("http://evil.example","x")',
      jobTitle: "+1 Engineer",
    });
    const response = await getJson(t.app, "/api/people/export.csv", { session: admin });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename=trellis-people-\d{4}-\d\d-\d\d\.csv$/,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.body.replace(/^\ufeff/, "").split("\r\n")[0]).toBe(header);
    expect(response.body).toContain(
      `formula@org.example,"'=HYPERLINK(""http://evil.example"",""x"")",,'+1 Engineer`,
    );
    const reimport = (await dryRun(response.body)).json() as ImportReport;
    expect(reimport.summary.unchanged).toBe(reimport.summary.rows);
  });
});
