typedef enum tagSMTP_COMMAND { SMTP_CMD_NONE, SMTP_CMD_HELO, SMTP_CMD_QUIT } SMTP_COMMAND;
enum open_flags { OPEN_READ = 0x1, OPEN_WRITE = 0x2, OPEN_APPEND = 0x4 };
typedef enum { ImapSelect, ImapExamine } imapCommandKind;
#define POP3_E_BUSY  (-2147012608)
#define POP3_E_LOST  (-2147012607)
