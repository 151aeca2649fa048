#include <algorithm>

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

#include "chatview.h"
#include "chatwindow.h"
#include "downloads.h"
#include "fakefilehub.h"
#include "filemessageview.h"
#include "filesharing.h"
#include "filetransfers.h"
#include "hubrunner.h"
#include "messageinput.h"
#include "pictureviewer.h"
#include "transferspanel.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// Files and pictures from the window (offscreen), against a stand-in for the hub's file side that
// can break links and damage bytes on purpose.
class TestFileTransfers : public QObject
{
    Q_OBJECT
private:
    struct Room
    {
        FakeFileHub hub;
        std::unique_ptr<ChatWindow> alice;
        std::unique_ptr<ChatWindow> bob;
        QTemporaryDir folder; // files to send, and the Downloads folder

        static std::unique_ptr<ChatWindow> join(const QUrl &url, const QString &name,
                                                const QString &downloads)
        {
            auto window = std::make_unique<ChatWindow>();
            window->setNickname(name);
            window->files()->transfers()->setRetryLimit(100);
            window->files()->downloads()->setRetryLimit(100);
            window->files()->downloads()->setFolder(downloads);
            window->joinRoom(url);
            window->resize(900, 700);
            window->show();
            return window;
        }
        bool open()
        {
            if (!hub.listen() || !folder.isValid())
                return false;
            alice = join(hub.socketUrl(), u"alice"_s, folder.filePath(u"alice-downloads"_s));
            bob = join(hub.socketUrl(), u"bob"_s, folder.filePath(u"bob-downloads"_s));
            return QTest::qWaitFor(
                    [&] {
                        return alice->client()->state() == ChatClient::State::Connected
                                && bob->client()->state() == ChatClient::State::Connected;
                    },
                    5000);
        }
        QString write(const QString &name, const QByteArray &bytes)
        {
            const QString path = folder.filePath(name);
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                return {};
            return path;
        }
        FileTransfers *uploads() const { return alice->files()->transfers(); }
    };

    static QByteArray randomBytes(qsizetype size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator generator(7);
        for (char &c : bytes)
            c = char(generator.bounded(256));
        return bytes;
    }

    static QImage picture(int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(QColor(40, 120, 200));
        QPainter painter(&image);
        painter.setBrush(QColor(250, 200, 40));
        painter.drawEllipse(image.rect().adjusted(width / 4, height / 4, -width / 4, -height / 4));
        return image;
    }

    static void drop(QWidget *target, const QStringList &paths)
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        const QPointF at(target->width() / 2.0, target->height() / 2.0);
        QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    }

    // Clicks the first link in the conversation whose target contains part.
    static bool clickLink(ChatView *view, const QString &part)
    {
        view->flush();
        for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (!fragment.charFormat().anchorHref().contains(part))
                    continue;
                QTextCursor start(view->document());
                start.setPosition(fragment.position());
                view->setTextCursor(start);
                view->ensureCursorVisible();
                QTextCursor end(view->document());
                end.setPosition(fragment.position() + 1);
                const QRect a = view->cursorRect(start);
                const QRect b = view->cursorRect(end);
                const QPoint at((a.left() + b.left()) / 2, b.center().y());
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
                return true;
            }
        }
        return false;
    }

    static QString sha256(const QByteArray &bytes)
    {
        return QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"LanChatTest"_s);
        QCoreApplication::setApplicationName(u"tst_filetransfers"_s);
    }

    void droppedFilesReachTheOtherWindow()
    {
        Room room;
        QVERIFY(room.open());
        const QByteArray report = randomBytes(300 * 1024);
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        picture(800, 600).save(&png, "PNG");
        const QString first = room.write(u"report.pdf"_s, report);
        const QString second = room.write(u"beach.png"_s, png.data());
        drop(room.alice.get(), {first, second});
        QTRY_COMPARE_WITH_TIMEOUT(room.hub.files().size(), 2, 10000);
        QHash<QString, QByteArray> stored;
        for (const FakeFileHub::StoredFile &file : room.hub.files())
            stored.insert(file.name, file.bytes);
        QCOMPARE(stored.value(u"report.pdf"_s), report);
        QCOMPARE(stored.value(u"beach.png"_s), png.data());
        // The upload asked with the file's SHA-256, as the hub checks it.
        QVERIFY(room.hub.frames().join(u'\n').contains(sha256(report)));
        // Bob's window shows both: the file as a line, the picture as a thumbnail.
        ChatView *view = room.bob->chatView();
        QTRY_VERIFY(view->renderedText().contains(u"report.pdf"_s));
        QTRY_VERIFY(view->renderedText().contains(u"beach.png"_s));
        if (!view->renderedText().contains(u"300.0 kB \u00b7 PDF document"_s))
            qWarning().noquote() << view->renderedText();
        QVERIFY(view->renderedText().contains(u"300.0 kB \u00b7 PDF document"_s));
        const auto beach = std::find_if(room.hub.files().cbegin(), room.hub.files().cend(),
                                        [](const auto &f) { return f.name == u"beach.png"_s; });
        QUrl thumb;
        thumb.setScheme(FileMessageView::ThumbScheme);
        thumb.setPath(u"/files/%1/thumb"_s.arg(beach->id));
        QTRY_VERIFY_WITH_TIMEOUT(qvariant_cast<QImage>(view->document()->resource(
                                                               QTextDocument::ImageResource, thumb))
                                                 .width()
                                         == 320,
                                 5000);
        // Alice's own window shows them as hers, and the transfers as sent (the hub's answer to
        // the last PUT may come after the file message it announced).
        QTRY_VERIFY(room.alice->chatView()->renderedText().contains(u"beach.png"_s));
        const auto allSent = [&room] {
            const QList<FileTransfers::Upload> uploads = room.uploads()->uploads();
            return std::all_of(uploads.cbegin(), uploads.cend(), [](const auto &upload) {
                return upload.state == FileTransfers::State::Done;
            });
        };
        QTRY_VERIFY(allSent());
    }

    void dropOnTheConversationSendsToo()
    {
        Room room;
        QVERIFY(room.open());
        const QString path = room.write(u"notes.txt"_s, "hello\n");
        drop(room.alice->chatView()->viewport(), {path});
        QTRY_COMPARE(room.hub.files().size(), 1);
        QCOMPARE(room.hub.files().constFirst().bytes, QByteArray("hello\n"));
    }

    void pastedPictureIsSentAsScreenshot()
    {
        Room room;
        QVERIFY(room.open());
        const QImage image = picture(400, 300);
        auto *mime = new QMimeData;
        mime->setImageData(image);
        QApplication::clipboard()->setMimeData(mime);
        MessageInput *input = room.alice->findChild<MessageInput *>(u"messageInput"_s);
        input->setFocus();
        input->paste();
        QTRY_COMPARE_WITH_TIMEOUT(room.hub.files().size(), 1, 10000);
        const FakeFileHub::StoredFile file = room.hub.files().constFirst();
        QVERIFY2(QRegularExpression(
                         u"^Screenshot \\d{4}-\\d\\d-\\d\\d \\d\\d\\.\\d\\d\\.\\d\\d\\.png$"_s)
                         .match(file.name)
                         .hasMatch(),
                 qPrintable(file.name));
        QImage sent;
        QVERIFY(sent.loadFromData(file.bytes, "PNG"));
        QCOMPARE(sent.size(), image.size());
        QCOMPARE(sent.convertToFormat(QImage::Format_RGB32), image);
        QVERIFY(input->toPlainText().isEmpty()); // sent, not typed
        QTRY_VERIFY(room.bob->chatView()->renderedText().contains(file.name));
    }

    void uploadResumesAfterABrokenLink()
    {
        Room room;
        QVERIFY(room.open());
        const QByteArray bytes = randomBytes(2 * 1024 * 1024 + 17);
        room.hub.cutUploadAt = 700 * 1024;
        room.uploads()->sendFile(room.write(u"big.bin"_s, bytes));
        QTRY_COMPARE_WITH_TIMEOUT(room.hub.files().size(), 1, 15000);
        QCOMPARE(room.hub.files().constFirst().bytes, bytes);
        // The second PUT went on from what the hub had, with Content-Range.
        QVERIFY2(room.hub.requests().join(u'\n').contains(u"from %1"_s.arg(700 * 1024)),
                 qPrintable(room.hub.requests().join(u'\n')));
        QTRY_COMPARE(room.uploads()->uploads().constFirst().state, FileTransfers::State::Done);
    }

    void refusalIsShownBeforeAnyByteIsSent()
    {
        Room room;
        QVERIFY(room.open());
        room.hub.maxBytes = 1000; // lowered after the welcome: the hub refuses the slot
        room.uploads()->sendFile(room.write(u"movie.mkv"_s, randomBytes(5000)));
        QTRY_COMPARE(room.uploads()->uploads().constFirst().state, FileTransfers::State::Failed);
        QCOMPARE(room.uploads()->uploads().constFirst().error, u"file_too_big"_s);
        QVERIFY(room.hub.requests().isEmpty()); // not one PUT
        QTRY_VERIFY(room.alice->chatView()->renderedText().contains(
                u"Could not send movie.mkv: The file is larger than this room takes"_s));
        auto *panel = room.alice->findChild<TransfersPanel *>(u"transfersPanel"_s);
        QVERIFY(panel->isVisible());
        const auto statuses = panel->findChildren<QLabel *>(u"transferStatus"_s);
        QCOMPARE(statuses.size(), 1);
        QVERIFY(statuses.constFirst()->text().startsWith(u"Not sent:"_s));

        // What the welcome says is checked before even asking.
        room.alice->client()->abortConnection();
        QTRY_COMPARE(room.alice->client()->state(), ChatClient::State::Connected);
        const int framesBefore = int(room.hub.frames().size());
        room.uploads()->sendFile(room.write(u"movie2.mkv"_s, randomBytes(5000)));
        QCOMPARE(room.uploads()->uploads().constLast().error, u"file_too_big"_s);
        QCOMPARE(room.hub.frames().size(), framesBefore);
    }

    void cancelStopsTheUploadAndDeletesIt()
    {
        Room room;
        QVERIFY(room.open());
        room.hub.cutUploadAt = 100 * 1024; // then it waits to resume: cancel meanwhile
        room.uploads()->setRetryLimit(60000);
        const QString id
                = room.uploads()->sendFile(room.write(u"big.bin"_s, randomBytes(1024 * 1024)));
        QTRY_COMPARE_WITH_TIMEOUT(room.uploads()->upload(id)->state, FileTransfers::State::Waiting,
                                  10000);
        auto *cancel = room.alice->findChild<QPushButton *>(u"cancelTransferButton"_s);
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(room.uploads()->upload(id)->state, FileTransfers::State::Cancelled);
        QTRY_COMPARE(room.hub.deletes(), 1);
        QVERIFY(room.hub.files().isEmpty());
        QVERIFY(!cancel->isVisible());
    }

    void downloadResumesVerifiesAndNeverOverwrites()
    {
        Room room;
        QVERIFY(room.open());
        const QByteArray bytes = randomBytes(1536 * 1024);
        const QString folder = room.folder.filePath(u"bob-downloads"_s);
        QVERIFY(QDir().mkpath(folder));
        QFile existing(folder + u"/data.bin"_s);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("mine");
        existing.close();
        room.hub.cutDownloadAt = 600 * 1024;
        room.hub.addFile(u"data.bin"_s, bytes, u"alice"_s);
        ChatView *view = room.bob->chatView();
        QTRY_VERIFY(view->renderedText().contains(u"data.bin"_s));
        QVERIFY(clickLink(view, u"do=download"_s));
        Downloads *downloads = room.bob->files()->downloads();
        QTRY_COMPARE(downloads->downloads().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(downloads->downloads().constFirst().state, Downloads::State::Done,
                                  10000);
        const Downloads::Download done = downloads->downloads().constFirst();
        QCOMPARE(done.path, folder + u"/data (2).bin"_s);
        QVERIFY(done.verified);
        QFile saved(done.path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), bytes);
        QVERIFY(!QFile::exists(done.path + u".part"_s));
        QCOMPARE(existing.size(), 4); // untouched
        // The second GET went on from what had arrived.
        QVERIFY2(room.hub.requests().filter(u"GET /files/"_s).size() == 2
                         && room.hub.requests()
                                    .filter(u"GET /files/"_s)
                                    .constLast()
                                    .endsWith(u" bytes=%1-"_s.arg(600 * 1024)),
                 qPrintable(room.hub.requests().join(u'\n')));
        auto *panel = room.bob->findChild<TransfersPanel *>(u"transfersPanel"_s);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->findChild<QLabel *>(u"transferStatus"_s)->text(),
                 u"Saved, SHA-256 checked"_s);
        QVERIFY(panel->findChild<QPushButton *>(u"showInFolderButton"_s)->isVisible());
    }

    void damagedDownloadIsReported()
    {
        Room room;
        QVERIFY(room.open());
        room.hub.damageDownloads = true;
        room.hub.addFile(u"damaged.bin"_s, randomBytes(64 * 1024), u"alice"_s);
        ChatView *view = room.bob->chatView();
        QTRY_VERIFY(view->renderedText().contains(u"damaged.bin"_s));
        QVERIFY(clickLink(view, u"do=download"_s));
        Downloads *downloads = room.bob->files()->downloads();
        QTRY_COMPARE(downloads->downloads().size(), 1);
        QTRY_COMPARE(downloads->downloads().constFirst().state, Downloads::State::Failed);
        QCOMPARE(downloads->downloads().constFirst().error, u"sha256_mismatch"_s);
        const QString folder = room.folder.filePath(u"bob-downloads"_s);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList()); // nothing half-right kept
        auto *panel = room.bob->findChild<TransfersPanel *>(u"transfersPanel"_s);
        QVERIFY(panel->findChild<QLabel *>(u"transferStatus"_s)->text().contains(u"SHA-256"_s));
    }

    void clickOnAPictureOpensIt()
    {
        Room room;
        QVERIFY(room.open());
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        picture(1200, 900).save(&png, "PNG");
        room.hub.addFile(u"garden.png"_s, png.data(), u"alice"_s);
        ChatView *view = room.bob->chatView();
        QTRY_VERIFY(view->renderedText().contains(u"garden.png"_s));
        QVERIFY(clickLink(view, u"do=open"_s));
        PictureViewer *viewer = nullptr;
        QTRY_VERIFY((viewer = room.bob->findChild<PictureViewer *>()));
        QSignalSpy loaded(viewer, &PictureViewer::loaded);
        QVERIFY(!viewer->image().isNull() || loaded.wait(5000));
        QCOMPARE(viewer->image().size(), QSize(1200, 900));
    }

    // A private conversation's files: `to` on the upload, shown in the conversation's own view.
    void privateFilesGoToTheirConversation()
    {
        Room room;
        QVERIFY(room.open());
        ChatView conversation; // the conversation with alice, in bob's window
        conversation.resize(500, 400);
        conversation.show();
        QVERIFY(QTest::qWaitForWindowExposed(&conversation));
        room.bob->files()->setViewRouter([&](const QString &person) {
            return person == u"alice"_s ? &conversation : nullptr;
        });
        room.alice->files()->setRecipient(u"bob"_s);
        const QString path = room.write(u"secret.txt"_s, "for bob only\n");
        drop(room.alice.get(), {path});
        QTRY_COMPARE(room.hub.files().size(), 1);
        QVERIFY(room.hub.frames().join(u'\n').contains(u"\"to\":\"bob\""_s));
        QTRY_VERIFY(conversation.renderedText().contains(u"secret.txt"_s));
        QVERIFY(!room.bob->chatView()->renderedText().contains(u"secret.txt"_s));
        // Clicks in that view work like in the room's.
        QVERIFY(clickLink(&conversation, u"do=download"_s));
        QTRY_COMPARE(room.bob->files()->downloads()->downloads().size(), 1);
    }

    // The same path against the real hub: uploads, thumbnails, file messages and downloads.
    void withTheRealHub()
    {
        HubRunner hub;
        QVERIFY(hub.start());
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        auto alice = Room::join(hub.url(), u"alice"_s, folder.filePath(u"a"_s));
        auto bob = Room::join(hub.url(), u"bob"_s, folder.filePath(u"b"_s));
        QTRY_VERIFY(alice->client()->state() == ChatClient::State::Connected
                    && bob->client()->state() == ChatClient::State::Connected);
        const QByteArray bytes = randomBytes(700 * 1024 + 3);
        QFile file(folder.filePath(u"archive.zip"_s));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
        file.close();
        QVERIFY(picture(640, 480).save(folder.filePath(u"sunset.png"_s), "PNG"));
        drop(alice.get(), {file.fileName(), folder.filePath(u"sunset.png"_s)});
        ChatView *view = bob->chatView();
        QTRY_VERIFY_WITH_TIMEOUT(view->renderedText().contains(u"archive.zip"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view->renderedText().contains(u"sunset.png"_s), 10000);
        // The hub's thumbnail arrives and replaces the placeholder.
        QTRY_VERIFY_WITH_TIMEOUT(view->document()->toHtml().contains(u"lanchat-thumb:/files/"_s),
                                 5000);
        const QString html = view->document()->toHtml();
        const qsizetype at = html.indexOf(u"lanchat-thumb:"_s);
        const QUrl thumb(html.mid(at, html.indexOf(u'"', at) - at));
        QTRY_VERIFY_WITH_TIMEOUT(qvariant_cast<QImage>(view->document()->resource(
                                                               QTextDocument::ImageResource, thumb))
                                                 .width()
                                         == 320,
                                 5000);
        // Bob saves the archive: the bytes and the SHA-256 are Alice's.
        QVERIFY(clickLink(view, u"archive.zip?do=download"_s));
        Downloads *downloads = bob->files()->downloads();
        QTRY_COMPARE(downloads->downloads().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(downloads->downloads().constFirst().state, Downloads::State::Done,
                                  10000);
        QVERIFY(downloads->downloads().constFirst().verified);
        QFile saved(downloads->downloads().constFirst().path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), bytes);
        // A window that joins later gets the files in the welcome's history.
        auto carol = Room::join(hub.url(), u"carol"_s, folder.filePath(u"c"_s));
        QTRY_VERIFY_WITH_TIMEOUT(carol->chatView()->renderedText().contains(u"archive.zip"_s),
                                 5000);
        QVERIFY(carol->chatView()->renderedText().contains(u"sunset.png"_s));
    }

    // Not a check: with LANCHAT_SCREENSHOT_DIR set, saves a conversation with pictures and files
    // and the transfers panel (for the docs).
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("LANCHAT_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("LANCHAT_SCREENSHOT_DIR not set");
        Room room;
        QVERIFY(room.open());
        room.bob->client()->sendChat(u"Photos from Saturday, and the plan for next week"_s);
        QTRY_VERIFY(room.alice->chatView()->renderedText().contains(u"Photos from Saturday"_s));
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        picture(1600, 1200).save(&png, "PNG");
        room.hub.addFile(u"garden.png"_s, png.data(), u"bob"_s);
        QBuffer wide;
        wide.open(QIODevice::WriteOnly);
        picture(1200, 500).save(&wide, "PNG");
        room.hub.addFile(u"panorama.png"_s, wide.data(), u"bob"_s);
        room.hub.addFile(u"Plan for next week.pdf"_s, randomBytes(2400 * 1024), u"bob"_s);
        ChatView *view = room.alice->chatView();
        QTRY_VERIFY(view->renderedText().contains(u"Plan for next week.pdf"_s));
        QTest::qWait(300); // thumbnails
        room.alice->resize(1000, 760);
        // Both transfers are caught just after a broken link, waiting to go on.
        room.alice->files()->downloads()->setRetryLimit(60000);
        room.alice->files()->transfers()->setRetryLimit(60000);
        room.hub.cutDownloadAt = 900 * 1024;
        QVERIFY(clickLink(view, u"week.pdf?do=download"_s));
        room.hub.cutUploadAt = 1200 * 1024;
        room.uploads()->sendFile(room.write(u"holiday-video.mp4"_s, randomBytes(3 * 1024 * 1024)));
        room.alice->client()->sendChat(u"Great! Here is the video"_s);
        QTRY_COMPARE(room.uploads()->uploads().constFirst().state, FileTransfers::State::Waiting);
        QTRY_COMPARE(room.alice->files()->downloads()->downloads().constFirst().state,
                     Downloads::State::Waiting);
        QVERIFY(room.alice->grab().save(dir + u"/window-files.png"_s));
    }
};

QTEST_MAIN(TestFileTransfers)
#include "tst_filetransfers.moc"
