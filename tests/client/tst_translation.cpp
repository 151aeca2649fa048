#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

#include "chatwindow.h"
#include "joindialog.h"

using namespace Qt::StringLiterals;

// The compiled catalogues (LANCHAT_QM_DIR, built for the lanchat target) turn the window German
// and French.
class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void windowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("joinButton");
        QTest::addColumn<QString>("status");
        QTest::addRow("de") << u"de_DE"_s << u"Anderem &Raum beitreten…"_s << u"In keinem Raum"_s;
        QTest::addRow("fr") << u"fr_FR"_s << u"&Rejoindre un autre salon…"_s
                            << u"Dans aucun salon"_s;
    }
    void windowSpeaksTheLanguage()
    {
        QFETCH(QString, locale);
        QFETCH(QString, joinButton);
        QFETCH(QString, status);
        QLocale::setDefault(QLocale(locale));
        QTranslator translator;
        QVERIFY2(translator.load(QLocale(), u"lanchat"_s, u"_"_s, QStringLiteral(LANCHAT_QM_DIR)),
                 LANCHAT_QM_DIR);
        QVERIFY(QCoreApplication::installTranslator(&translator));
        ChatWindow window;
        QCOMPARE(window.findChild<QPushButton *>(u"joinRoomButton"_s)->text(), joinButton);
        QCOMPARE(window.findChild<QLabel *>(u"statusLabel"_s)->text(), status);
        JoinDialog dialog;
        QVERIFY(!dialog.windowTitle().contains(u"Join a Room"_s));
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
