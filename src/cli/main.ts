import { printBilingual, processIo, type CliCommand, type CliIo } from "./io";
import { isAppError } from "../domain/errors";

interface CommandModule {
  run: CliCommand;
}

/** Each command lives in its own module, required only when it runs, so `chitieu --help` stays fast. */
const COMMANDS: Record<string, { load: () => CommandModule; summary: string }> = {
  serve: {
    load: () => require("./serve") as CommandModule,
    summary: "start the endpoint (and serve the add-in) / chạy máy chủ",
  },
  token: {
    load: () => require("./token") as CommandModule,
    summary: "issue or revoke API tokens / cấp hoặc thu hồi mã truy cập",
  },
  template: {
    load: () => require("./template") as CommandModule,
    summary: "write a template workbook / tạo sổ mẫu .xlsx",
  },
  validate: {
    load: () => require("./validate") as CommandModule,
    summary: "check a filled workbook / kiểm tra sổ đã điền",
  },
  submit: {
    load: () => require("./submit") as CommandModule,
    summary: "send a filled workbook to the endpoint / gửi báo cáo",
  },
  history: { load: () => require("./history") as CommandModule, summary: "list stored revisions / xem các lần gửi" },
  consolidate: {
    load: () => require("./consolidate") as CommandModule,
    summary: "consolidate unit workbooks / tổng hợp báo cáo",
  },
  brief: {
    load: () => require("./brief") as CommandModule,
    summary: "the monthly brief, .xlsx and one-page PDF / bản tin tháng",
  },
  catalog: {
    load: () => require("./catalog") as CommandModule,
    summary: "show, export or check a target catalog / danh mục chỉ tiêu",
  },
  demo: { load: () => require("./demo") as CommandModule, summary: "demo data for training / dữ liệu trình diễn" },
  handout: {
    load: () => require("./handout") as CommandModule,
    summary: "a role's one-page PDF quick guide / tờ hướng dẫn nhanh",
  },
  manifest: {
    load: () => require("./manifest") as CommandModule,
    summary: "write the add-in manifest for a public address / tệp kê khai bổ trợ",
  },
  applicability: {
    load: () => require("./applicability") as CommandModule,
    summary: "which unit reports which target / đơn vị nào báo cáo chỉ tiêu nào",
  },
  targets: {
    load: () => require("./targets") as CommandModule,
    summary: "targets assigned to units / chỉ tiêu giao cho đơn vị",
  },
  remind: {
    load: () => require("./remind") as CommandModule,
    summary: "send e-mail reminders for a period now / gửi thư nhắc nộp báo cáo",
  },
  tasks: {
    load: () => require("./tasks") as CommandModule,
    summary: "the key-task register: check, import, export / danh mục nhiệm vụ trọng điểm",
  },
};

function usage(io: CliIo): void {
  io.stdout.write("chitieu <command> [options]\n\n");
  for (const [name, c] of Object.entries(COMMANDS)) io.stdout.write(`  ${name.padEnd(14)} ${c.summary}\n`);
  io.stdout.write("\nchitieu <command> --help for the options of one command.\n");
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    usage(io);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    printBilingual(io.stderr, {
      vi: `Lệnh không tồn tại: "${name}". Gõ "chitieu --help" để xem các lệnh.`,
      en: `Unknown command: "${name}". Run "chitieu --help" to list the commands.`,
    });
    return 2;
  }
  try {
    const mod = command.load();
    return await mod.run(rest, io);
  } catch (e) {
    if (isAppError(e)) {
      printBilingual(io.stderr, e.messages, "✖ ");
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
