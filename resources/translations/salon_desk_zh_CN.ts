<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Daily backup failed: {problem}</source>
        <translation>每日备份失败：{problem}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}

Nothing was saved by this step. If it happens again, tell your support person.</source>
        <translation>出现了意外错误：{error}

这一步没有保存任何内容。如果再次出现，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长(分钟)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Discount applies</source>
        <translation>会员打折</translation>
    </message>
    <message>
        <source> (low)</source>
        <translation>（不足）</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Services and products</source>
        <translation>服务项目与产品</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Birthday free service:</source>
        <translation>生日免费项目：</translation>
    </message>
    <message>
        <source>Use the most</source>
        <translation>用到上限</translation>
    </message>
    <message>
        <source>Points to redeem:</source>
        <translation>积分抵扣：</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>删除付款</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>balance {balance}, at most {most} on this sale</source>
        <translation>余额 {balance} 分，本单最多可用 {most} 分</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>{name} ({price})</source>
        <translation>{name}（{price}）</translation>
    </message>
    <message>
        <source>List total</source>
        <translation>标价合计</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday free service</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <source>Points ({points})</source>
        <translation>积分抵扣（{points}分）</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>Payments do not add up</source>
        <translation>付款有误，请核对</translation>
    </message>
    <message>
        <source>Still to pay {amount}</source>
        <translation>还需收 {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>已收齐</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials (F3)</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母 (F3)</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>到店登记 (Enter)</translation>
    </message>
    <message>
        <source>New customer (F4)</source>
        <translation>新客户 (F4)</translation>
    </message>
    <message>
        <source>Walk-in (F6)</source>
        <translation>散客 (F6)</translation>
    </message>
    <message>
        <source>Today&apos;s receipts…</source>
        <translation>今日小票…</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>找客户</translation>
    </message>
    <message>
        <source>In the shop now</source>
        <translation>在店顾客</translation>
    </message>
    <message>
        <source>In the shop now ({count})</source>
        <translation>在店顾客（{count}）</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>year —</source>
        <translation>年 —</translation>
    </message>
    <message>
        <source>month —</source>
        <translation>月 —</translation>
    </message>
    <message>
        <source>day —</source>
        <translation>日 —</translation>
    </message>
    <message>
        <source>comma separated, e.g. osmanthus tea, light pressure, wants a blanket</source>
        <translation>用逗号分隔，如：桂花茶，力度轻，要毛毯</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>保存档案</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区类型：</translation>
    </message>
    <message>
        <source>Skin type:</source>
        <translation>肤质：</translation>
    </message>
    <message>
        <source>Allergies:</source>
        <translation>过敏史：</translation>
    </message>
    <message>
        <source>Care goals:</source>
        <translation>护理目标：</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>偏好：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>First seen:</source>
        <translation>首次到店：</translation>
    </message>
    <message>
        <source>Consents (PIPL)</source>
        <translation>个人信息授权（个保法）</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>{verb} {when} by {who}, notice {version}</source>
        <translation>{when} {verb}，经办人 {who}，告知书版本 {version}</translation>
    </message>
    <message>
        <source>given</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Needs the customer&apos;s consent to health notes.</source>
        <translation>需要顾客同意记录健康信息。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Who referred this customer?</source>
        <translation>谁介绍了这位顾客？</translation>
    </message>
    <message>
        <source>Withdrawing consent to keep the file archives it.</source>
        <translation>撤回建档授权后，档案将被归档。</translation>
    </message>
    <message>
        <source>Withdrawing health consent erases the allergy notes.</source>
        <translation>撤回健康信息授权将清除过敏记录。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回授权</translation>
    </message>
</context>
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials:</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母：</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次到店</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Member no. {no}</source>
        <translation>会员号 {no}</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母</translation>
    </message>
    <message>
        <source>Include archived</source>
        <translation>包括已归档</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>File</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Membership and points</source>
        <translation>会员与积分</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <source>Merge a duplicate into this file…</source>
        <translation>合并重复档案到此…</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>导出副本…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Visit record…</source>
        <translation>到店记录…</translation>
    </message>
    <message>
        <source>Customer&apos;s data copy (PDF)…</source>
        <translation>个人信息副本（PDF）…</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Erase {name}&apos;s personal data for good? Sales stay in the books as &apos;erased customer&apos;. This cannot be undone.</source>
        <translation>确定永久删除{name}的个人信息吗？消费记录将以“已删除客户”保留在账上。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Which duplicate file goes into {name}&apos;s?</source>
        <translation>哪个重复档案要并入{name}的档案？</translation>
    </message>
    <message>
        <source>Merge files</source>
        <translation>合并档案</translation>
    </message>
    <message>
        <source>Move the visits, sales and points of {other} ({phone}) into {name}&apos;s file? {other}&apos;s file is then archived.</source>
        <translation>把{other}（{phone}）的到店、消费和积分并入{name}的档案吗？之后{other}的档案将被归档。</translation>
    </message>
    <message>
        <source>Export customer file</source>
        <translation>导出客户档案</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>Do not delete it. Restore the newest backup from the backups folder beside it, or send the file to your support person.</source>
        <translation>请不要删除它。请从同目录下 backups 文件夹恢复最新的备份，或把文件交给技术支持人员。</translation>
    </message>
    <message>
        <source>Close the other salon-desk window (or the program using the file), wait a moment and start again.</source>
        <translation>请关闭另一个 salon-desk 窗口（或正在使用该文件的程序），稍等片刻再重新启动。</translation>
    </message>
    <message>
        <source>Install the newest salon-desk on this computer, then start again. The file was not changed.</source>
        <translation>请在这台电脑上安装最新版 salon-desk 后再启动。文件没有被改动。</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it, or start salon-desk with another data folder.</source>
        <translation>请检查文件夹是否存在、是否有写入权限，或换一个数据文件夹启动 salon-desk。</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>详情：{detail}</translation>
    </message>
    <message>
        <source>salon-desk cannot open the shop file</source>
        <translation>salon-desk 无法打开店铺数据文件</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>{hours} · {count} booked</source>
        <translation>{hours} · {count}个预约</translation>
    </message>
    <message>
        <source>M/d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Newcomer, phone {phone}</source>
        <translation>新客，手机 {phone}</translation>
    </message>
    <message>
        <source>{technician}, requested by the customer</source>
        <translation>{technician}，顾客指定</translation>
    </message>
    <message>
        <source>{technician}, by rotation</source>
        <translation>{technician}，轮牌</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>In the shop</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>No-shows: {count}</source>
        <translation>爽约{count}次</translation>
    </message>
    <message>
        <source>Until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <source>→ {time} {technician}</source>
        <translation>→ {time} {technician}</translation>
    </message>
</context>
<context>
    <name>EnrolOfferDialog</name>
    <message>
        <source>Offer membership</source>
        <translation>邀请入会</translation>
    </message>
    <message>
        <source>{name} paid {paid} in one sale, reaching {threshold}: they can join as a Regular member (member discount from the next sale, points from this one).

Ask the customer.</source>
        <translation>{name}本单实付 {paid}，已满 {threshold}，可以成为普通会员（下次起享受会员折扣，本单即可积分）。

请询问顾客是否愿意入会。</translation>
    </message>
    <message>
        <source>The customer agrees to join and to the membership terms</source>
        <translation>顾客同意入会并同意会员条款</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Wrong staff name or password.</source>
        <translation>员工账号或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}.</source>
        <translation>密码错误次数过多，此账号已锁定至 {until}。</translation>
    </message>
    <message>
        <source>The owner&apos;s name or password is wrong; nothing was changed.</source>
        <translation>店长账号或密码错误，未做任何更改。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this.</source>
        <translation>您的角色（{role}）无权进行此操作。</translation>
    </message>
    <message>
        <source>This staff account is no longer active.</source>
        <translation>此员工账号已停用。</translation>
    </message>
    <message>
        <source>A technician may write notes only on their own services.</source>
        <translation>技师只能给自己做的项目写备注。</translation>
    </message>
    <message>
        <source>A refund or void needs the owner&apos;s name and password.</source>
        <translation>退款或作废需要店长的账号和密码。</translation>
    </message>
    <message>
        <source>The password must have at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>未知角色。</translation>
    </message>
    <message>
        <source>Please enter the name shown on receipts.</source>
        <translation>请输入小票上显示的姓名。</translation>
    </message>
    <message>
        <source>Please enter a login name.</source>
        <translation>请输入登录账号。</translation>
    </message>
    <message>
        <source>The login name {username} is already used.</source>
        <translation>登录账号 {username} 已被使用。</translation>
    </message>
    <message>
        <source>You cannot remove your own owner role or deactivate yourself.</source>
        <translation>不能取消自己的店长角色或停用自己。</translation>
    </message>
    <message>
        <source>{name} is no longer active.</source>
        <translation>{name}已停用。</translation>
    </message>
    <message>
        <source>This staff member does not exist.</source>
        <translation>此员工不存在。</translation>
    </message>
    <message>
        <source>Please enter the shop&apos;s name.</source>
        <translation>请输入店名。</translation>
    </message>
    <message>
        <source>This shop is already set up.</source>
        <translation>本店已完成初始设置。</translation>
    </message>
    <message>
        <source>This customer file does not exist (it may have been erased).</source>
        <translation>此客户档案不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>{name}&apos;s file is archived. Restore it on the Customers page first.</source>
        <translation>{name}的档案已归档，请先在“客户”页取消归档。</translation>
    </message>
    <message>
        <source>This customer&apos;s personal data was erased; the file cannot be changed.</source>
        <translation>此客户的个人信息已删除，档案不能再修改。</translation>
    </message>
    <message>
        <source>The phone number {phone} already belongs to {name}.</source>
        <translation>手机号 {phone} 已属于{name}。</translation>
    </message>
    <message>
        <source>Please enter the customer&apos;s name.</source>
        <translation>请输入顾客姓名。</translation>
    </message>
    <message>
        <source>The name is too long (at most 40 characters).</source>
        <translation>姓名太长（最多 40 个字）。</translation>
    </message>
    <message>
        <source>Unknown gender.</source>
        <translation>未知性别。</translation>
    </message>
    <message>
        <source>Unknown region type.</source>
        <translation>未知地区类型。</translation>
    </message>
    <message>
        <source>Unknown skin type.</source>
        <translation>未知肤质。</translation>
    </message>
    <message>
        <source>A birthday needs both the month and the day.</source>
        <translation>生日需要同时填写月和日。</translation>
    </message>
    <message>
        <source>This birthday does not exist in the calendar.</source>
        <translation>日历上没有这个日期。</translation>
    </message>
    <message>
        <source>Without the customer&apos;s consent to keep a file none is created: sell as a walk-in.</source>
        <translation>顾客不同意建档，就不能建立档案：请按散客结账。</translation>
    </message>
    <message>
        <source>Allergy and health notes need the customer&apos;s separate consent.</source>
        <translation>过敏和健康信息需要顾客单独同意。</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation>顾客不能介绍自己。</translation>
    </message>
    <message>
        <source>The preference &quot;{tag}&quot; is too long (at most 20 characters).</source>
        <translation>偏好“{tag}”太长（最多 20 个字）。</translation>
    </message>
    <message>
        <source>Unknown consent purpose.</source>
        <translation>未知的授权用途。</translation>
    </message>
    <message>
        <source>&quot;{phone}&quot; is not a phone number.</source>
        <translation>“{phone}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Choose two different files to merge.</source>
        <translation>请选择两个不同的档案进行合并。</translation>
    </message>
    <message>
        <source>{name} is in the shop now: check out or cancel the visit before merging.</source>
        <translation>{name}正在店内：请先结账或取消到店，再合并。</translation>
    </message>
    <message>
        <source>Already a member ({member_no}).</source>
        <translation>已经是会员（{member_no}）。</translation>
    </message>
    <message>
        <source>Only members can do this.</source>
        <translation>只有会员才能这样做。</translation>
    </message>
    <message>
        <source>The customer must agree to join: tick the consent box.</source>
        <translation>顾客必须同意入会：请勾选同意框。</translation>
    </message>
    <message>
        <source>This sale does not reach the amount needed to join.</source>
        <translation>本单金额未达到入会标准。</translation>
    </message>
    <message>
        <source>Unknown tier.</source>
        <translation>未知会员等级。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>This membership has not lapsed.</source>
        <translation>此会员资格并未失效。</translation>
    </message>
    <message>
        <source>Points cannot be negative.</source>
        <translation>积分不能为负数。</translation>
    </message>
    <message>
        <source>Points are redeemed in steps of {step}.</source>
        <translation>积分须按 {step} 的倍数抵扣。</translation>
    </message>
    <message>
        <source>Only {balance} points are available, not {points}.</source>
        <translation>可用积分只有 {balance} 分，不够 {points} 分。</translation>
    </message>
    <message>
        <source>At most {limit} points can be used on this sale (you entered {points}).</source>
        <translation>本单最多可用 {limit} 积分（您输入了 {points}）。</translation>
    </message>
    <message>
        <source>Please give a reason for the points adjustment.</source>
        <translation>请填写积分调整原因。</translation>
    </message>
    <message>
        <source>Enter a number of points other than zero.</source>
        <translation>请输入非零的积分数。</translation>
    </message>
    <message>
        <source>A gift needs a name and a points price.</source>
        <translation>礼品需要名称和积分价格。</translation>
    </message>
    <message>
        <source>This gift is not on the list.</source>
        <translation>礼品清单中没有这个礼品。</translation>
    </message>
    <message>
        <source>The {perk} was already used in {year}.</source>
        <translation>{year}年的{perk}已经用过了。</translation>
    </message>
    <message>
        <source>Birthday perks are only for members on their birthday.</source>
        <translation>生日权益仅限会员在生日期间使用。</translation>
    </message>
    <message>
        <source>The birthday service is not on this visit.</source>
        <translation>生日免费项目不在本次到店记录中。</translation>
    </message>
    <message>
        <source>The birthday perk is a free service, not a product.</source>
        <translation>生日权益是免费服务项目，不能用于产品。</translation>
    </message>
    <message>
        <source>This item is not in the catalogue.</source>
        <translation>项目表中没有这个项目。</translation>
    </message>
    <message>
        <source>{name} is no longer offered.</source>
        <translation>{name}已停售。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>Please enter a code.</source>
        <translation>请输入编号。</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Choose service or product.</source>
        <translation>请选择服务项目或产品。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>This field of an item cannot be changed.</source>
        <translation>项目的这一栏不能修改。</translation>
    </message>
    <message>
        <source>Enter a stock change other than zero.</source>
        <translation>请输入非零的库存变动。</translation>
    </message>
    <message>
        <source>This visit does not exist.</source>
        <translation>此到店记录不存在。</translation>
    </message>
    <message>
        <source>This visit is already closed.</source>
        <translation>此到店记录已结束。</translation>
    </message>
    <message>
        <source>{name} is already checked in.</source>
        <translation>{name}已经登记到店。</translation>
    </message>
    <message>
        <source>Add a service or product before checking out.</source>
        <translation>请先添加服务项目或产品再结账。</translation>
    </message>
    <message>
        <source>This line is no longer on the visit.</source>
        <translation>此项目已不在本次到店记录中。</translation>
    </message>
    <message>
        <source>Choose the technician who did the service.</source>
        <translation>请选择做这个项目的技师。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number above zero.</source>
        <translation>数量必须是大于零的整数。</translation>
    </message>
    <message>
        <source>Please give a reason for the price change.</source>
        <translation>请填写改价原因。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not an amount of money (e.g. 68 or 68.50).</source>
        <translation>“{text}”不是有效金额（例如 68 或 68.50）。</translation>
    </message>
    <message>
        <source>A discount rate cannot be negative.</source>
        <translation>折扣率不能为负数。</translation>
    </message>
    <message>
        <source>Payment is short by {missing}: the bill is {due}, {paid} was paid.</source>
        <translation>还差 {missing}：应付 {due}，已付 {paid}。</translation>
    </message>
    <message>
        <source>Card and phone payments add up to {paid}, more than the bill of {due}. Only cash can be over-tendered.</source>
        <translation>刷卡和手机支付合计 {paid}，超过应付 {due}。只有现金可以多收找零。</translation>
    </message>
    <message>
        <source>The bill is already paid without the cash of {cash}: remove the cash payment.</source>
        <translation>不算现金 {cash} 账单已付清：请删除这笔现金。</translation>
    </message>
    <message>
        <source>A payment must be more than zero.</source>
        <translation>付款金额必须大于零。</translation>
    </message>
    <message>
        <source>Unknown payment method.</source>
        <translation>未知付款方式。</translation>
    </message>
    <message>
        <source>This receipt does not exist.</source>
        <translation>此小票不存在。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} was voided.</source>
        <translation>小票 {receipt_no} 已作废。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} is not from today: it can be refunded, not voided.</source>
        <translation>小票 {receipt_no} 不是今天的：只能退款，不能作废。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} already has refunds: refund the remaining lines instead of voiding.</source>
        <translation>小票 {receipt_no} 已有退款：请退剩余项目，不能整单作废。</translation>
    </message>
    <message>
        <source>Choose the lines of receipt {receipt_no} to refund.</source>
        <translation>请选择小票 {receipt_no} 中要退款的项目。</translation>
    </message>
    <message>
        <source>{name} is in the shop now: check out or cancel the visit before erasing the file.</source>
        <translation>{name} 正在店内：请先结账或取消本次到店，再注销档案。</translation>
    </message>
    <message>
        <source>Everything on receipt {receipt_no} was already refunded.</source>
        <translation>小票 {receipt_no} 的项目已全部退款。</translation>
    </message>
    <message>
        <source>A chosen line is not on this receipt.</source>
        <translation>所选项目不在这张小票上。</translation>
    </message>
    <message>
        <source>A chosen line was already refunded.</source>
        <translation>所选项目已经退过款。</translation>
    </message>
    <message>
        <source>Please give the reason for the refund or void.</source>
        <translation>请填写退款或作废的原因。</translation>
    </message>
    <message>
        <source>Choose refund or void.</source>
        <translation>请选择退款或作废。</translation>
    </message>
    <message>
        <source>A booking that is {current} cannot become {new}.</source>
        <translation>“{current}”的预约不能改为“{new}”。</translation>
    </message>
    <message>
        <source>Please give a reason for cancelling the booking.</source>
        <translation>请填写取消预约的原因。</translation>
    </message>
    <message>
        <source>The booking starts at {start}: it cannot be a no-show before then.</source>
        <translation>预约 {start} 开始，在此之前不能记为爽约。</translation>
    </message>
    <message>
        <source>This booking is for {day}, not today: move it to today first.</source>
        <translation>这是 {day} 的预约，不是今天的：请先改到今天。</translation>
    </message>
    <message>
        <source>A booking that is {status} can no longer be moved or changed.</source>
        <translation>“{status}”的预约不能再移动或修改。</translation>
    </message>
    <message>
        <source>Choose a customer, or enter the newcomer&apos;s name and phone.</source>
        <translation>请选择顾客，或填写新客的姓名和手机号。</translation>
    </message>
    <message>
        <source>Add at least one service to the booking.</source>
        <translation>预约至少要有一个服务项目。</translation>
    </message>
    <message>
        <source>A service must last between 1 minute and 12 hours (not {minutes} minutes).</source>
        <translation>服务时长须在 1 分钟到 12 小时之间（不能是 {minutes} 分钟）。</translation>
    </message>
    <message>
        <source>{start} has already passed: choose a later time.</source>
        <translation>{start} 已经过去了，请选择之后的时间。</translation>
    </message>
    <message>
        <source>{technician} does not work on {day}.</source>
        <translation>{technician} {day} 不上班。</translation>
    </message>
    <message>
        <source>{technician} works from {opens} to {closes}; {start}–{end} is outside these hours.</source>
        <translation>{technician} 的上班时间是 {opens}–{closes}，{start}–{end} 不在上班时间内。</translation>
    </message>
    <message>
        <source>{technician} is already booked from {start} to {end} ({customer}).</source>
        <translation>{technician} 在 {start}–{end} 已有预约（{customer}）。</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>未知设置项。</translation>
    </message>
    <message>
        <source>The tier table is incomplete.</source>
        <translation>会员等级表不完整。</translation>
    </message>
    <message>
        <source>A value of the {tier} tier is out of range.</source>
        <translation>{tier}的数值超出范围。</translation>
    </message>
    <message>
        <source>Each tier must need at least as much as the one below and give at least the same discount ({tier}).</source>
        <translation>每个等级的门槛不能低于下一级，折扣也不能少于下一级（{tier}）。</translation>
    </message>
    <message>
        <source>{value} is out of range: between {low} and {high}.</source>
        <translation>{value} 超出范围：应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The text is too long (at most {max} characters).</source>
        <translation>文字太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not one of the choices.</source>
        <translation>“{value}”不是可选项之一。</translation>
    </message>
    <message>
        <source>The working hours are not valid: each day needs a start before its end, on the quarter hour.</source>
        <translation>上班时间无效：每天的开始须早于结束，并按整刻钟设置。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date like 01-01 (month-day, day at most 28).</source>
        <translation>“{value}”不是 01-01 这样的日期（月-日，日不超过 28）。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a month (e.g. 2026-11).</source>
        <translation>“{text}”不是有效的月份（例如 2026-11）。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a date (e.g. 2026-11-22).</source>
        <translation>“{text}”不是有效的日期（例如 2026-11-22）。</translation>
    </message>
    <message>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>开始日期 {start} 晚于结束日期 {end}。</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报表的保存位置。</translation>
    </message>
    <message>
        <source>Cannot write {path}: choose another folder.</source>
        <translation>无法写入 {path}：请换一个文件夹。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>This shop has no active owner account.</source>
        <translation>本店没有在职的店长账号。</translation>
    </message>
    <message>
        <source>The shop file is damaged.</source>
        <translation>店铺数据文件已损坏。</translation>
    </message>
    <message>
        <source>The shop file is in use by another program.</source>
        <translation>店铺数据文件正被另一个程序使用。</translation>
    </message>
    <message>
        <source>The shop file was written by a newer version of salon-desk.</source>
        <translation>店铺数据文件由更新版本的 salon-desk 写入。</translation>
    </message>
    <message>
        <source>The shop file cannot be opened.</source>
        <translation>无法打开店铺数据文件。</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>出错了（{code}）。</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Member discount applies</source>
        <translation>享受会员折扣</translation>
    </message>
    <message>
        <source>Offered (active)</source>
        <translation>在售（启用）</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Stock received / counted…</source>
        <translation>入库 / 盘点…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Item name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Price (yuan):</source>
        <translation>价格（元）：</translation>
    </message>
    <message>
        <source>Usual duration:</source>
        <translation>常规时长：</translation>
    </message>
    <message>
        <source>Opening stock:</source>
        <translation>期初库存：</translation>
    </message>
    <message>
        <source>Low-stock warning at:</source>
        <translation>库存预警数量：</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity received (negative for a counted shortage):</source>
        <translation>入库数量（盘亏填负数）：</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Regular member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <source>Silver member</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <source>Gold member</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <source>Diamond member</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>美发</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>美容</translation>
    </message>
    <message>
        <source>Nails</source>
        <translation>美甲</translation>
    </message>
    <message>
        <source>Skin care</source>
        <translation>护肤</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>County town</source>
        <translation>县城</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Oily</source>
        <translation>油性</translation>
    </message>
    <message>
        <source>Dry</source>
        <translation>干性</translation>
    </message>
    <message>
        <source>Combination</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Keep the customer file</source>
        <translation>建立并保存客户档案</translation>
    </message>
    <message>
        <source>Marketing contact</source>
        <translation>营销联系</translation>
    </message>
    <message>
        <source>Health notes (allergies, skin)</source>
        <translation>健康信息（过敏、皮肤状况）</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Birthday bonus</source>
        <translation>生日加倍</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品兑换</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>积分清零</translation>
    </message>
    <message>
        <source>Refund reversal</source>
        <translation>退款冲回</translation>
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>Merged files</source>
        <translation>档案合并</translation>
    </message>
    <message>
        <source>Yearly reset {param}</source>
        <translation>{param} 年度积分清零</translation>
    </message>
    <message>
        <source>Membership lapsed</source>
        <translation>会员资格取消</translation>
    </message>
    <message>
        <source>Membership reinstated</source>
        <translation>恢复会员资格</translation>
    </message>
    <message>
        <source>Customer data erased</source>
        <translation>客户信息已注销</translation>
    </message>
    <message>
        <source>Redeemed points returned</source>
        <translation>退款退回抵扣积分</translation>
    </message>
    <message>
        <source>Earned points taken back</source>
        <translation>退款扣回所得积分</translation>
    </message>
    <message>
        <source>Moved to customer file {param}</source>
        <translation>并入档案 {param}</translation>
    </message>
    <message>
        <source>Moved from customer file {param}</source>
        <translation>由档案 {param} 并入</translation>
    </message>
    <message>
        <source>Referred customer file {param}</source>
        <translation>推荐客户档案 {param}</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>birthday free service</source>
        <translation>生日免费项目</translation>
    </message>
    <message>
        <source>birthday gift</source>
        <translation>生日礼物</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{off}% off</source>
        <translation>减 {off}%</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — log in to continue</source>
        <translation>已锁定 — 请登录后继续</translation>
    </message>
    <message>
        <source>Staff login:</source>
        <translation>员工账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — {shop}</source>
        <translation>登录 — {shop}</translation>
    </message>
    <message>
        <source>Staff login:</source>
        <translation>员工账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo shop — click a login to fill it in</source>
        <translation>演示店铺 — 点击账号即可填入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>My services</source>
        <translation>我的服务</translation>
    </message>
    <message>
        <source>Catalogue and staff</source>
        <translation>项目与员工</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lock / switch user</source>
        <translation>锁定 / 切换用户</translation>
    </message>
    <message>
        <source>Lock / switch user (Ctrl+L)</source>
        <translation>锁定 / 切换用户 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Staff: {name} ({role})</source>
        <translation>当前员工：{name}（{role}）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>MembershipPanel</name>
    <message>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <source>Set tier…</source>
        <translation>设置等级…</translation>
    </message>
    <message>
        <source>Enrol as member…</source>
        <translation>办理入会…</translation>
    </message>
    <message>
        <source>Reinstate lapsed membership…</source>
        <translation>恢复失效会员…</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <source>Not a member · {points} points</source>
        <translation>非会员 · {points} 积分</translation>
    </message>
    <message>
        <source>Lapsed ({tier})</source>
        <translation>已失效（{tier}）</translation>
    </message>
    <message>
        <source>{tier} · No. {no} · {points} points</source>
        <translation>{tier} · 会员号 {no} · {points} 积分</translation>
    </message>
    <message>
        <source>Joined {joined}; paid {spend} in {visits} visits since joining.</source>
        <translation>{joined} 入会；入会以来到店 {visits} 次，消费 {spend}。</translation>
    </message>
    <message>
        <source>Lapsed on {when}.</source>
        <translation>{when} 失效。</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <source>Reason for setting the tier by hand:</source>
        <translation>手工设置等级的原因：</translation>
    </message>
    <message>
        <source>Enrol as member</source>
        <translation>办理入会</translation>
    </message>
    <message>
        <source>Has {name} agreed to join as a member?</source>
        <translation>{name}是否同意成为会员？</translation>
    </message>
    <message>
        <source>Reinstate membership</source>
        <translation>恢复会员资格</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>OpenVisitsModel</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Running total</source>
        <translation>累计（原价）</translation>
    </message>
    <message>
        <source>Walk-in #{id}</source>
        <translation>散客 #{id}</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cannot do this</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>{method} (tendered)</source>
        <translation>{method}（实收）</translation>
    </message>
</context>
<context>
    <name>PointsHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Could not print: {problem}</source>
        <translation>无法打印：{problem}</translation>
    </message>
</context>
<context>
    <name>QuickCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>e.g. osmanthus tea, wants a blanket</source>
        <translation>如：桂花茶，要毛毯</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>偏好：</translation>
    </message>
    <message>
        <source>Agrees that the shop keeps a customer file (required)</source>
        <translation>同意本店建立客户档案（必选）</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Save and check in</source>
        <translation>保存并登记到店</translation>
    </message>
    <message>
        <source>Not a mainland mobile number (11 digits starting with 1); it can still be saved.</source>
        <translation>不是大陆手机号（1 开头的 11 位数字）；仍可保存。</translation>
    </message>
</context>
<context>
    <name>QuoteLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source> (birthday)</source>
        <translation>（生日）</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
</context>
<context>
    <name>ReceiptStepDialog</name>
    <message>
        <source>Print receipt (F8)</source>
        <translation>打印小票 (F8)</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Could not print: {problem}</source>
        <translation>无法打印：{problem}</translation>
    </message>
    <message>
        <source>No default printer is set up. Use Preview… to choose a printer, or set a default printer in the system settings.</source>
        <translation>未设置默认打印机。请点“预览…”选择打印机，或在系统设置中设定默认打印机。</translation>
    </message>
    <message>
        <source>Receipt {no} sent to the printer.</source>
        <translation>小票 {no} 已发送到打印机。</translation>
    </message>
</context>
<context>
    <name>ReceiptSummaryDialog</name>
    <message>
        <source>Receipt {no}</source>
        <translation>小票 {no}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Welcome! Now a {tier}, member no. {no}</source>
        <translation>欢迎入会！现为{tier}，会员号 {no}</translation>
    </message>
    <message>
        <source>Promoted to {tier}! From the next visit.</source>
        <translation>升级为{tier}！下次消费起生效。</translation>
    </message>
    <message>
        <source>REPRINT</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
    <message>
        <source>List total</source>
        <translation>标价合计</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday free service</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <source>Points ({points})</source>
        <translation>积分抵扣（{points}分）</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <source>(tendered {amount})</source>
        <translation>（实收 {amount}）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>{kind} {amount} on {when} by {who}: {reason}</source>
        <translation>{when} {kind} {amount}，授权人 {who}：{reason}</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund or void — receipt {no}</source>
        <translation>退款或作废 — 小票 {no}</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Refund the ticked lines</source>
        <translation>退勾选的项目</translation>
    </message>
    <message>
        <source>Void the whole sale (same day only)</source>
        <translation>整单作废（仅限当天）</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
    <message>
        <source>Money back by:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Owner&apos;s login:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <source>Owner&apos;s password:</source>
        <translation>店长密码：</translation>
    </message>
    <message>
        <source>Refund / void</source>
        <translation>退款 / 作废</translation>
    </message>
    <message>
        <source>Tick the lines to refund.</source>
        <translation>请勾选要退款的项目。</translation>
    </message>
    <message>
        <source>Money back: {amount}</source>
        <translation>退还金额：{amount}</translation>
    </message>
    <message>
        <source>redeemed points given back: {n}</source>
        <translation>退回抵扣积分：{n}</translation>
    </message>
    <message>
        <source>earned points taken back: {n}</source>
        <translation>扣回所得积分：{n}</translation>
    </message>
    <message>
        <source>tier spend reduced by {amount}</source>
        <translation>等级累计消费减少 {amount}</translation>
    </message>
    <message>
        <source>{qty} × {name} back to stock</source>
        <translation>{name} × {qty} 退回库存</translation>
    </message>
    <message>
        <source>birthday free service can be used again</source>
        <translation>生日免费项目可再次使用</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save Excel (XLSX)…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>Net received</source>
        <translation>实收净额</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>到店客户</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Today ({date})</source>
        <translation>今天（{date}）</translation>
    </message>
    <message>
        <source>{year}-{month} (so far)</source>
        <translation>{year}年{month}月（本月至今）</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{shop} — business report {period}</source>
        <translation>{shop}&#x3000;{period}经营报表</translation>
    </message>
    <message>
        <source>The shop</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>From {start} to {end}, worked out at {when}</source>
        <translation>统计期间 {start} 至 {end}，生成于 {when}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the figures as Excel</source>
        <translation>将数据保存为 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the figures as CSV</source>
        <translation>将数据保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SalesHistory</name>
    <message>
        <source>Reprint receipt…</source>
        <translation>重印小票…</translation>
    </message>
    <message>
        <source>Preview the receipt marked REPRINT, then print or save it</source>
        <translation>预览标有“重印”的小票，再打印或保存</translation>
    </message>
    <message>
        <source>Refund / void slip…</source>
        <translation>退款 / 作废单…</translation>
    </message>
    <message>
        <source>Refund or void…</source>
        <translation>退款或作废…</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source>, refunded {amount}</source>
        <translation>，已退 {amount}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Shop and receipt</source>
        <translation>店铺与小票</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Shop phone</source>
        <translation>店铺电话</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>小票纸张</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 毫米热敏纸</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 毫米热敏纸</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>One sale to qualify for joining (yuan)</source>
        <translation>一次性消费满多少可入会（元）</translation>
    </message>
    <message>
        <source>Membership lapses after days without a sale</source>
        <translation>多少天未消费会员资格失效</translation>
    </message>
    <message>
        <source>Points and birthday</source>
        <translation>积分与生日</translation>
    </message>
    <message>
        <source>Points earned per yuan paid</source>
        <translation>每消费 1 元得积分</translation>
    </message>
    <message>
        <source>Points worth one yuan off</source>
        <translation>多少积分抵 1 元</translation>
    </message>
    <message>
        <source>Points may pay at most (‰ of the sale)</source>
        <translation>积分最多抵扣（占本单的‰）</translation>
    </message>
    <message>
        <source>Referral bonus points</source>
        <translation>推荐奖励积分</translation>
    </message>
    <message>
        <source>Yearly points reset (month-day)</source>
        <translation>积分每年清零日（月-日）</translation>
    </message>
    <message>
        <source>Birthday perks valid</source>
        <translation>生日权益有效期</translation>
    </message>
    <message>
        <source>on the day</source>
        <translation>生日当天</translation>
    </message>
    <message>
        <source>in the birthday week</source>
        <translation>生日所在周</translation>
    </message>
    <message>
        <source>in the birthday month</source>
        <translation>生日所在月</translation>
    </message>
    <message>
        <source>Birthday free service up to (yuan)</source>
        <translation>生日免费项目上限（元）</translation>
    </message>
    <message>
        <source>Staff, stock, privacy, backups</source>
        <translation>员工、库存、隐私、备份</translation>
    </message>
    <message>
        <source>Wrong passwords before locking</source>
        <translation>密码错误几次后锁定</translation>
    </message>
    <message>
        <source>Lock for minutes</source>
        <translation>锁定分钟数</translation>
    </message>
    <message>
        <source>Default low-stock warning</source>
        <translation>默认库存预警数量</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>隐私告知书版本</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留每日备份份数</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Pays (‰ of list price)</source>
        <translation>折扣（原价的‰）</translation>
    </message>
    <message>
        <source>Promote at spend (yuan)</source>
        <translation>升级消费额（元）</translation>
    </message>
    <message>
        <source>or visits</source>
        <translation>或到店次数</translation>
    </message>
    <message>
        <source>Double points on birthday</source>
        <translation>生日双倍积分</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up your shop</source>
        <translation>设置您的店铺</translation>
    </message>
    <message>
        <source>Welcome to salon-desk. Enter your shop&apos;s details and the owner&apos;s account; everything can be changed later in Settings.</source>
        <translation>欢迎使用 salon-desk。请填写店铺信息和店长账号，以后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Receipt footer:</source>
        <translation>小票页脚：</translation>
    </message>
    <message>
        <source>Owner&apos;s name:</source>
        <translation>店长姓名：</translation>
    </message>
    <message>
        <source>Owner&apos;s login:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Active (can log in, appears on visits)</source>
        <translation>在职（可登录，可选为技师）</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>至少 6 个字符</translation>
    </message>
    <message>
        <source>Save staff member</source>
        <translation>保存员工</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Name on receipts:</source>
        <translation>显示姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>{name}的新密码：</translation>
    </message>
</context>
<context>
    <name>TechnicianPage</name>
    <message>
        <source>Write the service note…</source>
        <translation>填写服务备注…</translation>
    </message>
    <message>
        <source>You can write notes on the services you did.</source>
        <translation>您可以给自己做的项目填写服务备注。</translation>
    </message>
    <message>
        <source>In the shop now</source>
        <translation>在店顾客</translation>
    </message>
    <message>
        <source>Service note</source>
        <translation>服务备注</translation>
    </message>
    <message>
        <source>Note for {item}:</source>
        <translation>{item}的备注：</translation>
    </message>
</context>
<context>
    <name>TodaySalesDialog</name>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>今日小票</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Hand over birthday gift</source>
        <translation>发放生日礼物</translation>
    </message>
    <message>
        <source>Add a service or product: type its code or name</source>
        <translation>添加项目或产品：输入编号或名称</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove line (Del)</source>
        <translation>删除项目 (Del)</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Customer left without paying</source>
        <translation>顾客未消费离店</translation>
    </message>
    <message>
        <source>Check out (F9)</source>
        <translation>结账 (F9)</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation>技师：</translation>
    </message>
    <message>
        <source>Qty:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Find the customer on the left and press Enter to check them in, or press F6 for a walk-in.</source>
        <translation>在左侧找到顾客后按 Enter 登记到店；散客请按 F6。</translation>
    </message>
    <message>
        <source>Walk-in #{id} — no customer file, sold at list price.</source>
        <translation>散客 #{id} — 无档案，按原价结账。</translation>
    </message>
    <message>
        <source>No. {no} · {points} points</source>
        <translation>会员号 {no} · {points} 积分</translation>
    </message>
    <message>
        <source>Birthday! Unused this year: {perks}</source>
        <translation>生日快乐！今年未用权益：{perks}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Birthday in {days} days</source>
        <translation>还有 {days} 天生日</translation>
    </message>
    <message>
        <source>Preferences: {tags}</source>
        <translation>偏好：{tags}</translation>
    </message>
    <message>
        <source>Allergies: {text}</source>
        <translation>过敏：{text}</translation>
    </message>
    <message>
        <source>Last visit {when}: {what}, {paid}</source>
        <translation>上次到店 {when}：{what}，{paid}</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次到店</translation>
    </message>
    <message>
        <source>List total: {amount}</source>
        <translation>标价合计：{amount}</translation>
    </message>
    <message>
        <source>Member discount: {amount}</source>
        <translation>会员折扣：{amount}</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <source>This sale qualifies to join as a member</source>
        <translation>本单满额，结账后可邀请入会</translation>
    </message>
    <message>
        <source>Service note</source>
        <translation>服务备注</translation>
    </message>
    <message>
        <source>Note for {item}:</source>
        <translation>{item}的备注：</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>取消到店</translation>
    </message>
    <message>
        <source>The customer leaves without paying? The visit is kept as cancelled.</source>
        <translation>顾客未消费离店吗？到店记录将标记为已取消并保留。</translation>
    </message>
</context>
<context>
    <name>VisitLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VisitRangeDialog</name>
    <message>
        <source>Print visit record</source>
        <translation>打印到店记录</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>全部到店记录</translation>
    </message>
    <message>
        <source>Only the visits between these dates:</source>
        <translation>只打印这段时间的到店记录：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
</TS>
