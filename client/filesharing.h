#pragma once

#include <QObject>
#include <QList>
#include <QStringList>

#include <functional>

#include "fileinfo.h"

class ChatClient;
namespace Protocol {
struct Message;
}
class ChatView;
class Downloads;
class FileTransfers;
class MessageInput;
class QAction;
class QMainWindow;
class QMimeData;
class QToolButton;
class ThumbnailLoader;
class TransfersPanel;

// Files and pictures in the window, wired to its parts: the attach button and the Send File
// action, drops of files anywhere on the window, pictures and files pasted into the message box,
// `file` messages shown in the conversation, and clicks on them (open a picture, save a file).
class FileSharing final : public QObject
{
    Q_OBJECT
public:
    FileSharing(QMainWindow *window, ChatClient *client, ChatView *view, MessageInput *input);

    QToolButton *attachButton() const { return m_attach; }
    QAction *sendFileAction() const { return m_sendFileAction; }
    QAction *showTransfersAction() const { return m_showTransfersAction; }
    TransfersPanel *panel() const { return m_panel; }
    FileTransfers *transfers() const { return m_transfers; }
    Downloads *downloads() const { return m_downloads; }

    // Where files go: empty for the room, or a person's name for a private conversation.
    void setRecipient(const QString &name) { m_recipient = name; }
    QString recipient() const { return m_recipient; }
    // Where a private file (`to` set) is shown: the view of the conversation with person. Without
    // a router, or when it returns nullptr, private files show in the room's view.
    using ViewRouter = std::function<ChatView *(const QString &person)>;
    void setViewRouter(ViewRouter router) { m_router = std::move(router); }
    // A view that shows file messages: thumbnails, clicks and drops work in it.
    void watchView(ChatView *view);

    void chooseFiles(); // a file dialog; sends what is chosen
    void sendFiles(const QStringList &paths);
    // Sends what a paste or a drop carries: local files, or a picture. False: nothing to send.
    bool sendMime(const QMimeData *mime);
    static bool carriesFiles(const QMimeData *mime);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFile(const Protocol::Message &message, bool own);
    void onFileActivated(const FileInfo &file, const QString &action);
    void openPicture(const FileInfo &file);

    QMainWindow *m_window = nullptr; // not owned
    ChatClient *m_client = nullptr; // not owned
    ChatView *m_view = nullptr; // not owned
    FileTransfers *m_transfers = nullptr; // child
    Downloads *m_downloads = nullptr; // child
    ThumbnailLoader *m_thumbnails = nullptr; // child
    TransfersPanel *m_panel = nullptr; // in the window
    QToolButton *m_attach = nullptr; // in the window
    QAction *m_sendFileAction = nullptr; // child
    QAction *m_showTransfersAction = nullptr; // child
    QString m_recipient;
    ViewRouter m_router;
    QList<ChatView *> m_watched;
};
