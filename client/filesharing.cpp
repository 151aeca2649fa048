#include "filesharing.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QImage>
#include <QJsonObject>
#include <QMainWindow>
#include <QMimeData>
#include <QStandardPaths>
#include <QToolButton>

#include "chatclient.h"
#include "chatview.h"
#include "downloads.h"
#include "filelog.h"
#include "filemessageview.h"
#include "filetransfers.h"
#include "messageinput.h"
#include "pictureviewer.h"
#include "roomurl.h"
#include "transferspanel.h"

using namespace Qt::StringLiterals;

namespace {
QStringList localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}
} // namespace

FileSharing::FileSharing(QMainWindow *window, ChatClient *client, ChatView *view,
                         MessageInput *input)
    : QObject(window)
    , m_window(window)
    , m_client(client)
    , m_view(view)
    , m_transfers(new FileTransfers(client, this))
    , m_downloads(new Downloads(this))
    , m_thumbnails(new ThumbnailLoader(client, this))
{
    m_panel = new TransfersPanel(m_transfers, m_downloads, window);

    m_attach = new QToolButton(window);
    m_attach->setObjectName(u"attachButton"_s);
    m_attach->setText(tr("Attach"));
    m_attach->setIcon(QIcon::fromTheme(u"mail-attachment"_s));
    m_attach->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_attach->setToolTip(tr("Send files or pictures (you can also drop them on the window or "
                            "paste a picture)"));
    m_attach->setAccessibleName(tr("Send a file"));
    connect(m_attach, &QToolButton::clicked, this, &FileSharing::chooseFiles);

    m_sendFileAction = new QAction(tr("Send &File…"), this);
    m_sendFileAction->setObjectName(u"sendFileAction"_s);
    m_sendFileAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_sendFileAction, &QAction::triggered, this, &FileSharing::chooseFiles);
    m_showTransfersAction = new QAction(tr("Show &Transfers"), this);
    m_showTransfersAction->setObjectName(u"showTransfersAction"_s);
    m_showTransfersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_showTransfersAction, &QAction::triggered, m_panel, &QWidget::show);

    // Files dropped anywhere on the window (the message box and the conversation included) or
    // pasted into the message box are sent.
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    watchView(view);
    input->setMimeHandler([this](const QMimeData *mime) { return sendMime(mime); });

    connect(client, &ChatClient::fileReceived, this, &FileSharing::onFile);
    connect(m_transfers, &FileTransfers::failed, this,
            [this](const QString &name, const QString &reason) {
                m_view->addSystem(tr("Could not send %1: %2").arg(name, reason));
            });
    connect(m_transfers, &FileTransfers::uploadChanged, this, [this](const QString &id) {
        const FileTransfers::Upload *upload = m_transfers->upload(id);
        if (upload && upload->state == FileTransfers::State::Failed)
            m_view->addSystem(tr("Could not send %1: %2")
                                      .arg(upload->name,
                                           TransfersPanel::reasonText(upload->error,
                                                                      m_transfers->maxBytes())));
    });
}

void FileSharing::watchView(ChatView *view)
{
    if (m_watched.contains(view))
        return;
    m_watched.append(view);
    connect(view, &QObject::destroyed, this, [this, view] { m_watched.removeAll(view); });
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
    m_thumbnails->watch(view);
    connect(view, &ChatView::fileActivated, this, &FileSharing::onFileActivated);
}

bool FileSharing::carriesFiles(const QMimeData *mime)
{
    return !localFiles(mime).isEmpty() || (mime && mime->hasImage());
}

void FileSharing::chooseFiles()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QStringList paths = QFileDialog::getOpenFileNames(m_window, tr("Send Files"), folder);
    sendFiles(paths);
}

void FileSharing::sendFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        m_transfers->sendFile(path, m_recipient);
}

bool FileSharing::sendMime(const QMimeData *mime)
{
    const QStringList paths = localFiles(mime);
    if (!paths.isEmpty()) {
        sendFiles(paths);
        return true;
    }
    // A picture on the clipboard (a screenshot), but not text that also has a picture form.
    if (mime && mime->hasImage() && !mime->hasText()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (image.isNull())
            return false;
        m_transfers->sendImage(image, m_recipient);
        return true;
    }
    return false;
}

bool FileSharing::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (!paths.isEmpty()) {
            qCInfo(lcClientFiles) << "dropped" << paths.size() << "file(s)";
            sendFiles(paths);
            drop->setDropAction(Qt::CopyAction);
            drop->accept();
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void FileSharing::onFile(const Protocol::Message &message, bool own)
{
    const std::optional<FileInfo> file = FileInfo::fromMessage(message);
    if (!file) {
        qCWarning(lcClientFiles) << "a file message with paths off the hub:" << message.url;
        return;
    }
    ChatView *view = m_view;
    if (!file->to.isEmpty() && m_router) {
        // A private file: in the conversation with the other person.
        if (ChatView *conversation
            = m_router(file->from == m_client->name() ? file->to : file->from))
            view = conversation;
    }
    watchView(view);
    view->addFile(*file, own || (!file->id.isEmpty() && m_transfers->upload(file->id)));
}

void FileSharing::onFileActivated(const FileInfo &file, const QString &action)
{
    if (action == FileMessageView::OpenAction && file.isPicture()
        && file.size <= PictureViewer::MaxBytes) {
        openPicture(file);
        return;
    }
    m_downloads->start(file, Protocol::roomPageUrl(m_client->url()));
}

void FileSharing::openPicture(const FileInfo &file)
{
    auto *viewer = new PictureViewer(file, Protocol::roomPageUrl(m_client->url()), m_window);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    connect(viewer, &PictureViewer::saveRequested, this, [this](const FileInfo &f) {
        m_downloads->start(f, Protocol::roomPageUrl(m_client->url()));
    });
    viewer->show();
}
